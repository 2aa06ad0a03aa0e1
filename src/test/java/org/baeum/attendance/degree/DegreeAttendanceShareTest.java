package org.baeum.attendance.degree;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AccountId;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.attendance.completion.Completion;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.attendance.completion.Completions;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.calendar.Closure;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.CatalogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The least attendance share of the degree rule is measured against the sessions that counted: a session a closure
 * cancelled after planning is left out, as in the completion (all counting sessions attended is 100 %, not 10 of 12).
 */
@BaeumIntegrationTest
class DegreeAttendanceShareTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    CompletionRules completionRules;
    @Autowired
    AttendanceClasses classes;
    @Autowired
    Attendance attendance;
    @Autowired
    Completions completions;
    @Autowired
    DaysOff daysOff;
    @Autowired
    DegreeRules rules;
    @Autowired
    Degrees degrees;

    @BeforeAll
    static void catalog(@Autowired AttendanceClasses classes) {
        classes.withDemoCatalog();
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    @Test
    void sessions_a_closure_cancelled_do_not_lower_the_share() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        BaeumUser teacher = accounts.create("deg-share-teacher-" + suffix, Role.INSTRUCTOR);
        BaeumUser staff = accounts.create("deg-share-staff-" + suffix, Role.STAFF);
        BaeumUser admin = accounts.create("deg-share-admin-" + suffix, Role.ADMIN);
        BaeumUser citizen = accounts.citizen("deg-share-" + suffix + "@test.baeum", "출석률생", LocalDate.of(1956, 6, 6));
        Taught c = classes.taught(teacher, List.of(citizen));
        assertThat(c.sessions()).hasSizeGreaterThan(3);
        LocalDate first = c.sessions().get(0);
        LocalDate second = c.sessions().get(1);

        TestAccounts.signIn(staff);
        Closure closure = daysOff.addClosure(new ClosureDraft(ClosureScope.ROOM,
                catalog.offering(c.id()).orElseThrow().roomId(), first, second, "보일러 교체", "Boiler replacement"));
        DegreeRuleSet before = null;
        try {
            completionRules.setRule(catalog.offering(c.id()).orElseThrow().program().id(), new CompletionRule(1, 2, false));
            List<LocalDate> counting = c.sessions().subList(2, c.sessions().size());
            for (LocalDate day : counting) {
                attendance.mark(c.id(), day, List.of(new Mark(c.entries().getFirst(), AttendanceStatus.PRESENT)), null);
            }
            assertThat(attendance.countingSessions(c.id())).isEqualTo(c.sessions().size() - 2);
            LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
            clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, c.sessions().getLast()) + 1));
            TestAccounts.signIn(teacher);
            Completion done = completions.confirm(c.id()).getFirst();
            assertThat(done.completed()).isTrue();
            assertThat(done.sessions()).isEqualTo(counting.size());
            clock.reset();

            // every session that counted was attended: 100 % (measured against all planned days it was below 100 %)
            TestAccounts.signIn(admin);
            before = rules.current();
            rules.save(rules.latest().version(),
                    new DegreeRuleDraft(LocalDate.now(clock.withZone(Formats.SEOUL)), DegreeRuleSet.SEOUL, 100));
            TestAccounts.signIn(staff);
            DegreeProgress progress = degrees.progressOf(new AccountId(citizen.accountId())).getFirst();
            assertThat(progress.hours()).isEqualTo(done.hours()).isPositive();
        } finally {
            TestAccounts.signIn(staff);
            daysOff.removeClosure(closure.id());
            if (before != null) { // the rule in force as it was, for the other tests of the shared context
                TestAccounts.signIn(admin);
                rules.save(rules.latest().version(), new DegreeRuleDraft(LocalDate.now(clock.withZone(Formats.SEOUL)),
                        before.levels(), before.minAttendancePercent()));
            }
        }
    }
}
