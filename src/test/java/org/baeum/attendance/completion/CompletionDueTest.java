package org.baeum.attendance.completion;

import static com.mongodb.client.model.Filters.eq;
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
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.notification.internal.OutboxRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The completion sweep (decision 0035): only ended, unconfirmed classes become due, once; a confirmation clears it. */
@BaeumIntegrationTest
class CompletionDueTest {

    @Autowired
    Attendance attendance;
    @Autowired
    CompletionRules rules;
    @Autowired
    Completions completions;
    @Autowired
    CompletionDue due;
    @Autowired
    CatalogService catalog;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    static AttendanceClasses classes;
    static BaeumUser teacher;
    static BaeumUser staff;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void people(@Autowired AttendanceClasses fixture) {
        classes = fixture;
        AttendanceClasses.Cast cast = fixture.cast("due", "확인생", 2, LocalDate.of(1953, 2, 1));
        teacher = cast.teacher();
        staff = cast.staff();
        citizens = cast.citizens();
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    /** A 1/2 class: the first citizen attends every session, the second none. */
    Taught marked() {
        Taught c = classes.taught(teacher, citizens);
        TestAccounts.signIn(staff);
        rules.setRule(catalog.offering(c.id()).orElseThrow().program().id(), new CompletionRule(1, 2, false));
        for (LocalDate day : c.sessions()) {
            attendance.mark(c.id(), day, List.of(new Mark(c.entries().get(0), AttendanceStatus.PRESENT),
                    new Mark(c.entries().get(1), AttendanceStatus.ABSENT)), null);
        }
        TestAccounts.signOut();
        return c;
    }

    void moveTo(LocalDate day) {
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(Formats.SEOUL)), day)));
    }

    boolean sweep(Taught c) {
        return SystemIdentity.call(() -> due.sweep(catalog.offering(c.id()).orElseThrow()));
    }

    Document item(Taught c) {
        return database.getCollection("completion_due").find(eq("_id", c.id().value())).first();
    }

    long dueMails(Taught c) {
        return database.getCollection(OutboxRepository.COLLECTION)
                .countDocuments(eq("key", "completion-due:" + c.id().value() + ":" + teacher.accountId()));
    }

    List<OfferingId> mine() {
        TestAccounts.signIn(teacher);
        try {
            return due.mine().stream().map(d -> d.offering().id()).toList();
        } finally {
            TestAccounts.signOut();
        }
    }

    @Test
    void only_an_ended_unconfirmed_class_becomes_due_once_and_a_confirmation_clears_it() {
        Taught ended = marked();
        Taught confirmed = marked();
        moveTo(ended.sessions().get(3)); // running: not due, but the absences marked ahead now warn (no event did)
        assertThat(sweep(ended)).isTrue();
        assertThat(item(ended)).isNull();
        assertThat(database.getCollection(OutboxRepository.COLLECTION).countDocuments(eq("key", CompletionWarningMail
                .key(CompletionWarning.UNREACHABLE, ended.entries().get(1).value())))).isEqualTo(1);
        assertThat(sweep(ended)).isFalse(); // and only once

        // the fixture may put the second class a week later (its offerings take the next free hour and week)
        LocalDate lastOfBoth = java.util.Collections.max(List.of(ended.sessions().getLast(),
                confirmed.sessions().getLast()));
        moveTo(lastOfBoth.plusDays(1));
        TestAccounts.signIn(teacher);
        completions.confirm(confirmed.id());
        TestAccounts.signOut();

        var outcome = SystemIdentity.call(() -> due.sweep()); // the job's run finds the class among all
        assertThat(outcome.failed()).isZero();
        Document first = item(ended);
        assertThat(first).isNotNull();
        assertThat(first.getInteger("participants")).isEqualTo(2);
        assertThat(first.getInteger("completed")).isEqualTo(1);
        assertThat(first.get("clearedAt")).isNull();
        assertThat(dueMails(ended)).isEqualTo(1);
        assertThat(item(confirmed).get("clearedAt")).isNotNull();
        assertThat(dueMails(confirmed)).isZero();
        assertThat(mine()).contains(ended.id()).doesNotContain(confirmed.id());

        clock.advance(Duration.ofHours(1)); // again: the same item, no second mail
        assertThat(sweep(ended)).isFalse();
        assertThat(item(ended).getDate("dueSince")).isEqualTo(first.getDate("dueSince"));
        assertThat(dueMails(ended)).isEqualTo(1);
        assertThat(mine().stream().filter(ended.id()::equals)).hasSize(1);
        var row = database.getCollection(OutboxRepository.COLLECTION)
                .find(eq("key", "completion-due:" + ended.id().value() + ":" + teacher.accountId())).first();
        Offering o = catalog.offering(ended.id()).orElseThrow();
        assertThat(row.getString("subject")).contains(o.program().titleKo());
        assertThat(row.getString("textBody")).contains("참여자 2명 중 1명",
                "/instructor/offerings/" + ended.id().value() + "/completion");

        TestAccounts.signIn(teacher);
        completions.confirm(ended.id());
        TestAccounts.signOut();
        assertThat(mine()).doesNotContain(ended.id());
        assertThat(sweep(ended)).isFalse();
        assertThat(item(ended).get("clearedAt")).isNotNull();
        assertThat(dueMails(ended)).isEqualTo(1);
    }

    @Test
    void only_the_portal_runs_the_sweep_and_only_instructors_read_their_items() {
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> due.sweep()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> due.mine()).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(citizens.getFirst());
        assertThatThrownBy(() -> due.mine()).isInstanceOf(AccessDeniedException.class);
    }
}
