package org.baeum.attendance.completion;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.internal.OutboxRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Warnings while a class runs (decision 0035): below the share and "cannot reach it any more", each mailed once at
 * the session where it becomes true, never twice, never for a program without a minimum share.
 */
@BaeumIntegrationTest
class CompletionWarningsTest {

    @Autowired
    Attendance attendance;
    @Autowired
    CompletionRules rules;
    @Autowired
    CompletionWarnings warnings;
    @Autowired
    CatalogService catalog;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;
    @Autowired
    CompletionDue due;

    static AttendanceClasses classes;
    static BaeumUser teacher;
    static BaeumUser otherTeacher;
    static BaeumUser staff;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void people(@Autowired AttendanceClasses fixture) {
        classes = fixture;
        AttendanceClasses.Cast cast = fixture.cast("cw", "경고생", 3, LocalDate.of(1952, 3, 1));
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

    /** A class of {@link #citizens} (6 or 7 sessions: a holiday may fall in its week) whose program needs {@code rule}. */
    Taught withRule(CompletionRule rule) {
        Taught c = classes.taught(teacher, citizens);
        assertThat(c.sessions()).hasSizeBetween(6, 7);
        TestAccounts.signIn(staff);
        rules.setRule(catalog.offering(c.id()).orElseThrow().program().id(), rule);
        TestAccounts.signOut();
        return c;
    }

    /** Moves the clock to the session and marks it as the instructor: the first, second and third citizen's marks. */
    void markOnTheDay(Taught c, int session, AttendanceStatus... statuses) {
        LocalDate day = c.sessions().get(session);
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(Formats.SEOUL)), day)));
        TestAccounts.signIn(teacher);
        attendance.mark(c.id(), day, List.of(new Mark(c.entries().get(0), statuses[0]),
                new Mark(c.entries().get(1), statuses[1]), new Mark(c.entries().get(2), statuses[2])), null);
        TestAccounts.signOut();
    }

    long mails(CompletionWarning w, EnrollmentId id) {
        return database.getCollection(OutboxRepository.COLLECTION)
                .countDocuments(eq("key", CompletionWarningMail.key(w, id.value())));
    }

    long anyWarning(EnrollmentId id) {
        return database.getCollection(OutboxRepository.COLLECTION)
                .countDocuments(regex("key", "^completion-.*:" + id.value() + "$"));
    }

    @Test
    void cannot_reach_is_mailed_once_at_the_exact_session_where_it_becomes_true() {
        // 2/3 of 7 sessions needs 5 (14/3), of 6 needs 4: after a third absence full attendance at the rest falls short
        Taught c = withRule(new CompletionRule(2, 3, false));
        int n = c.sessions().size();
        EnrollmentId absent = c.entries().get(0);
        AttendanceStatus a = AttendanceStatus.ABSENT;
        AttendanceStatus p = AttendanceStatus.PRESENT;

        markOnTheDay(c, 0, a, p, p);
        assertThat(mails(CompletionWarning.BELOW, absent)).isEqualTo(1); // 0 of 1 held: below at once
        assertThat(mails(CompletionWarning.UNREACHABLE, absent)).isZero();
        markOnTheDay(c, 1, a, p, p);
        assertThat(mails(CompletionWarning.UNREACHABLE, absent)).as("the session before").isZero();
        markOnTheDay(c, 2, a, p, p);
        assertThat(mails(CompletionWarning.UNREACHABLE, absent)).as("the exact session").isEqualTo(1);
        var row = database.getCollection(OutboxRepository.COLLECTION)
                .find(eq("key", CompletionWarningMail.key(CompletionWarning.UNREACHABLE, absent.value()))).first();
        assertThat(row.getString("kind")).isEqualTo(NotificationKind.COMPLETION_UNREACHABLE.name());
        assertThat(row.getString("toAddress")).isEqualTo(citizens.get(0).getUsername());
        assertThat(row.getString("subject")).contains(catalog.offering(c.id()).orElseThrow().program().titleKo());
        assertThat(row.getString("textBody")).contains("남은 " + (n - 3) + "회", "2/3");

        // re-marking: the same marks (nothing changes), then a change back and forth on the same session
        markOnTheDay(c, 2, a, p, p);
        markOnTheDay(c, 2, p, p, p);
        markOnTheDay(c, 2, a, p, AttendanceStatus.LATE);
        assertThat(mails(CompletionWarning.UNREACHABLE, absent)).isEqualTo(1);
        assertThat(mails(CompletionWarning.BELOW, absent)).isEqualTo(1);
        assertThat(anyWarning(c.entries().get(1))).isZero();
        assertThat(anyWarning(c.entries().get(2))).isZero();

        TestAccounts.signIn(teacher);
        assertThat(warnings.ofOffering(c.id())).containsOnlyKeys(absent)
                .extractingByKey(absent).isEqualTo(new CompletionWarnings.Flag(CompletionWarning.UNREACHABLE, "2/3"));
    }

    @Test
    void falling_below_the_share_of_the_sessions_held_is_mailed_once() {
        Taught c = withRule(new CompletionRule(2, 3, false));
        int n = c.sessions().size();
        EnrollmentId second = c.entries().get(1);
        AttendanceStatus p = AttendanceStatus.PRESENT;
        AttendanceStatus a = AttendanceStatus.ABSENT;
        markOnTheDay(c, 0, p, p, p);
        assertThat(mails(CompletionWarning.BELOW, second)).isZero();
        markOnTheDay(c, 1, p, a, p); // 1 of 2 held is below 2/3
        assertThat(mails(CompletionWarning.BELOW, second)).isEqualTo(1);
        var row = database.getCollection(OutboxRepository.COLLECTION)
                .find(eq("key", CompletionWarningMail.key(CompletionWarning.BELOW, second.value()))).first();
        assertThat(row.getString("kind")).isEqualTo(NotificationKind.COMPLETION_AT_RISK.name());
        assertThat(row.getString("textBody")).contains("2회 중 1회", "남은 " + (n - 2) + "회");
        TestAccounts.signIn(teacher);
        assertThat(warnings.ofOffering(c.id())).containsOnlyKeys(second);
        markOnTheDay(c, 2, p, p, p); // 2 of 3: exactly the share again
        TestAccounts.signIn(teacher);
        assertThat(warnings.ofOffering(c.id())).isEmpty();
        markOnTheDay(c, 3, p, a, p); // below again: shown, but mailed once per enrolment (decision 0035)
        assertThat(mails(CompletionWarning.BELOW, second)).isEqualTo(1);
        assertThat(mails(CompletionWarning.UNREACHABLE, second)).isZero();
        TestAccounts.signIn(teacher);
        assertThat(warnings.ofOffering(c.id())).containsOnlyKeys(second);
        TestAccounts.signIn(otherTeacher);
        assertThatThrownBy(() -> warnings.ofOffering(c.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_program_without_a_minimum_share_mails_nothing() {
        Taught c = classes.taught(teacher, citizens);
        AttendanceStatus a = AttendanceStatus.ABSENT;
        for (int i = 0; i < 4; i++) {
            markOnTheDay(c, i, a, a, a);
        }
        c.entries().forEach(e -> assertThat(anyWarning(e)).isZero());
        TestAccounts.signIn(teacher);
        assertThat(warnings.ofOffering(c.id())).isEmpty();
    }

    @Test
    void only_the_portal_checks_and_only_a_citizen_reads_the_households_running_classes() {
        Taught c = withRule(new CompletionRule(2, 3, false));
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> warnings.check(c.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> warnings.ofMyHousehold()).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(teacher);
        assertThatThrownBy(() -> warnings.ofMyHousehold()).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(citizens.getFirst());
        assertThatThrownBy(() -> warnings.ofOffering(c.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(warnings.ofMyHousehold()).isEmpty(); // enrolled, but nothing held yet
    }

    /** The sweep while the class runs, at 00:15 (Seoul) of the session's day, before anybody marked it. */
    boolean sweepEarlyOn(Taught c, int session) {
        java.time.Instant at = c.sessions().get(session).atTime(0, 15).atZone(Formats.SEOUL).toInstant();
        clock.advance(Duration.between(clock.instant(), at));
        return SystemIdentity.call(() -> due.sweep(catalog.offering(c.id()).orElseThrow()));
    }

    @Test
    void the_sweep_on_a_sessions_morning_mails_no_one_below_who_attended_everything_so_far() {
        // scenario A: present at session 1; at 00:15 of session 2's day session 2 is not held yet
        Taught c = withRule(new CompletionRule(2, 3, false));
        AttendanceStatus p = AttendanceStatus.PRESENT;
        markOnTheDay(c, 0, p, p, p);
        assertThat(sweepEarlyOn(c, 1)).isFalse();
        c.entries().forEach(e -> assertThat(anyWarning(e)).isZero());
        TestAccounts.signIn(teacher);
        assertThat(warnings.ofOffering(c.id())).isEmpty();
        TestAccounts.signIn(citizens.getFirst());
        assertThat(warnings.ofMyHousehold()).filteredOn(r -> r.offering().id().equals(c.id())).singleElement()
                .satisfies(r -> {
                    assertThat(r.standing().held()).isEqualTo(1);
                    assertThat(r.warning()).isEmpty();
                });
    }

    @Test
    void the_sweep_mails_no_cannot_complete_while_attending_the_rest_still_reaches_the_share() {
        // scenario B: the share is all sessions but one; absent at the first, the rest still give exactly the share
        Taught c = classes.taught(teacher, citizens);
        int n = c.sessions().size();
        TestAccounts.signIn(staff);
        rules.setRule(catalog.offering(c.id()).orElseThrow().program().id(), new CompletionRule(n - 1, n, false));
        TestAccounts.signOut();
        EnrollmentId absent = c.entries().get(0);
        AttendanceStatus a = AttendanceStatus.ABSENT;
        AttendanceStatus p = AttendanceStatus.PRESENT;
        markOnTheDay(c, 0, a, p, p);
        assertThat(mails(CompletionWarning.BELOW, absent)).isEqualTo(1); // 0 of 1 marked: below, rightly
        assertThat(sweepEarlyOn(c, 1)).isFalse();
        assertThat(mails(CompletionWarning.UNREACHABLE, absent)).isZero();
        markOnTheDay(c, 1, p, p, p);
        assertThat(sweepEarlyOn(c, 2)).isFalse();
        assertThat(mails(CompletionWarning.UNREACHABLE, absent)).isZero();
        markOnTheDay(c, 2, a, p, p); // the second absence: now it cannot be reached
        assertThat(mails(CompletionWarning.UNREACHABLE, absent)).isEqualTo(1);
    }

    @Test
    void a_session_the_instructor_has_not_marked_yet_warns_nobody() {
        Taught c = withRule(new CompletionRule(2, 3, false));
        assertThat(sweepEarlyOn(c, 1)).isFalse(); // session 1 is over, but not marked (7 days to do it)
        assertThat(sweepEarlyOn(c, 2)).isFalse();
        c.entries().forEach(e -> assertThat(anyWarning(e)).isZero());
        TestAccounts.signIn(teacher);
        assertThat(warnings.ofOffering(c.id())).isEmpty();
    }
}
