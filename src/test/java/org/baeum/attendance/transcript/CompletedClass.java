package org.baeum.attendance.transcript;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
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
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;

/**
 * A class of the citizens' households, taught by {@code teacher}, marked by {@code staff} and confirmed after its last
 * session: every citizen but the last attends all sessions and completes; the last attends none and does not.
 */
public record CompletedClass(Offering offering, List<Completion> confirmed) {

    public static CompletedClass of(BaeumUser teacher, BaeumUser staff, List<BaeumUser> citizens,
                                    AttendanceClasses classes, CatalogService catalog, MutableClock clock,
                                    CompletionRules rules, Attendance attendance, Completions completions) {
        Taught c = classes.fresh().taught(teacher, citizens);
        Offering offering = catalog.offering(c.id()).orElseThrow();
        try {
            TestAccounts.signIn(staff);
            rules.setRule(offering.program().id(), new CompletionRule(1, 2, false));
            for (LocalDate day : c.sessions()) {
                List<Mark> marks = new ArrayList<>();
                for (int i = 0; i < c.entries().size(); i++) {
                    marks.add(new Mark(c.entries().get(i), i < c.entries().size() - 1
                            ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT));
                }
                attendance.mark(c.id(), day, marks, null);
            }
            LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
            clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, c.sessions().getLast()) + 1));
            TestAccounts.signIn(teacher);
            return new CompletedClass(offering, completions.confirm(c.id()));
        } finally {
            TestAccounts.signOut();
            clock.reset();
        }
    }
}
