package org.baeum.attendance.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AccountService;
import org.baeum.account.Dependant;
import org.baeum.account.DependantDraft;
import org.baeum.account.HouseholdService;
import org.baeum.account.Relation;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.notification.internal.OutboxRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Class notices: one mail per household in its language, who may send, bad input, and a double click. */
@BaeumIntegrationTest
class ClassNoticesTest {

    @Autowired
    ClassNotices notices;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    HouseholdService households;
    @Autowired
    AccountService accounts;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    static AttendanceClasses classes;
    static BaeumUser teacher;
    static BaeumUser otherTeacher;
    static BaeumUser staff;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void people(@Autowired AttendanceClasses fixture) {
        classes = fixture;
        AttendanceClasses.Cast cast = fixture.cast("note", "안내생", 3, LocalDate.of(1960, 4, 1));
        teacher = cast.teacher();
        otherTeacher = cast.otherTeacher();
        staff = cast.staff();
        citizens = cast.citizens();
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    @Test
    void one_mail_per_household_in_its_language_and_a_double_click_sends_once() {
        Taught c = classes.taught(teacher, citizens);
        BaeumUser parent = citizens.getFirst();
        TestAccounts.signIn(parent);
        try {
            Dependant child = households.addDependant(new DependantDraft("안내아이", LocalDate.of(2000, 5, 5), Relation.CHILD));
            assertThat(enrollments.enroll(c.id(), child.id(), UUID.randomUUID().toString()).status())
                    .isEqualTo(EnrollmentStatus.ENROLLED);
        } finally {
            TestAccounts.signOut();
        }
        TestAccounts.signIn(citizens.get(1));
        try {
            accounts.changeMyLanguage(Locale.ENGLISH);
        } finally {
            TestAccounts.signOut();
        }

        long second = clock.instant().getEpochSecond() % 60;
        if (second > 40) { // both sends within one clock minute
            clock.advance(Duration.ofSeconds(61 - second));
        }
        TestAccounts.signIn(teacher);
        assertThat(notices.send(c.id(), "강의실 변경", "다음 주부터 2층 201호에서 수업합니다.")).isEqualTo(3);
        List<Document> rows = rows(c.id());
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(d -> d.getString("accountId")).containsExactlyInAnyOrderElementsOf(
                citizens.stream().map(BaeumUser::accountId).toList());
        assertThat(rows).allSatisfy(d -> assertThat(d.getString("kind")).isEqualTo("INSTRUCTOR_MESSAGE"));
        Document english = rows.stream().filter(d -> d.getString("accountId").equals(citizens.get(1).accountId()))
                .findFirst().orElseThrow();
        assertThat(english.getString("language")).isEqualTo("en");
        assertThat(english.getString("subject")).contains("A message from the instructor");
        assertThat(english.getString("textBody")).contains("다음 주부터 2층 201호에서 수업합니다.");
        Document korean = rows.stream().filter(d -> d.getString("accountId").equals(parent.accountId()))
                .findFirst().orElseThrow();
        assertThat(korean.getString("language")).isEqualTo("ko");

        assertThat(notices.send(c.id(), "강의실 변경", "다음 주부터 2층 201호에서 수업합니다.")).isEqualTo(3);
        assertThat(rows(c.id())).hasSize(3);
        clock.advance(Duration.ofMinutes(2));
        notices.send(c.id(), "강의실 변경", "다음 주부터 2층 201호에서 수업합니다.");
        assertThat(rows(c.id())).hasSize(6);
    }

    @Test
    void staff_may_send_another_instructor_and_a_citizen_may_not() {
        Taught c = classes.taught(teacher, citizens.subList(0, 2));
        TestAccounts.signIn(otherTeacher);
        assertThatThrownBy(() -> notices.send(c.id(), "안내", "내용")).isExactlyInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(citizens.getFirst());
        assertThatThrownBy(() -> notices.send(c.id(), "안내", "내용"))
                .isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThat(rows(c.id())).isEmpty();
        TestAccounts.signIn(staff);
        assertThat(notices.send(c.id(), "안내", "내용")).isEqualTo(2);
        assertThat(rows(c.id())).hasSize(2);
    }

    @Test
    void a_bad_subject_or_body_is_refused_at_its_field_and_nothing_is_sent() {
        Taught c = classes.taught(teacher, citizens.subList(0, 1));
        TestAccounts.signIn(teacher);
        assertThat(fields(() -> notices.send(c.id(), "  ", "내용"))).containsExactly("subject");
        assertThat(fields(() -> notices.send(c.id(), "가".repeat(101), "내용"))).containsExactly("subject");
        assertThat(fields(() -> notices.send(c.id(), "안내", "나".repeat(2001)))).containsExactly("body");
        assertThat(fields(() -> notices.send(c.id(), null, null))).containsExactly("subject", "body");
        assertThat(rows(c.id())).isEmpty();
        assertThat(notices.send(c.id(), "가".repeat(100), "나".repeat(2000))).isEqualTo(1);
    }

    private List<String> fields(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
        throw new AssertionError("Not refused");
    }

    private List<Document> rows(OfferingId offering) {
        return database.getCollection(OutboxRepository.COLLECTION)
                .find(Filters.regex("key", "^" + Pattern.quote("notice:" + offering.value() + ":")))
                .into(new ArrayList<>());
    }
}
