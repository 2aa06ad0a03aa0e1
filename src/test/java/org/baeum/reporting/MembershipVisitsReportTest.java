package org.baeum.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AgeBand;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.visits.MembershipFixture;
import org.baeum.attendance.visits.MembershipFixture.Made;
import org.baeum.attendance.visits.MembershipVisits;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.reporting.internal.ParticipationData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Gym visits checked in at the desk are a membership's 연인원 (decision 0044): before any visit the members' group shows
 * no 연인원 ("—"), after three visits of two members it shows 3, and the participation report's total grows by 3.
 */
@BaeumIntegrationTest
class MembershipVisitsReportTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    AttendanceClasses classes;
    @Autowired
    CatalogService catalog;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    MembershipVisits visits;
    @Autowired
    ParticipationData data;
    @Autowired
    Reports reports;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    @Test
    void a_memberships_visits_are_its_person_sessions_in_the_reports() {
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        AttendanceClasses.Cast cast = classes.cast("repvis", "헬스회원", 2, today.minusYears(45));
        List<BaeumUser> members = cast.citizens();
        Made gym = new MembershipFixture(catalog, enrollments, clock).gym(members);
        int year = gym.first().getYear();

        TestAccounts.signIn(cast.staff());
        data.rebuildNow(year);
        List<Object> fortiesBefore = row(year, "by-age", AgeBand.AGE_40S.ordinal());
        assertThat(fortiesBefore.get(2)).as("실인원 of the two members").isEqualTo(2L);
        assertThat(fortiesBefore.get(3)).as("memberships without visits have no 연인원").isNull();
        Object totalBefore = total(year);

        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, gym.first())));
        visits.checkIn(gym.entries().get(0).value());
        visits.checkIn(gym.entries().get(1).value());
        clock.advance(Duration.ofDays(1));
        visits.checkIn(gym.entries().get(0).value());

        data.rebuildNow(year);
        assertThat(row(year, "by-age", AgeBand.AGE_40S.ordinal()).get(3)).as("three visits").isEqualTo(3L);
        assertThat(total(year)).isEqualTo((totalBefore == null ? 0L : (Long) totalBefore) + 3L);
    }

    private List<Object> row(int year, String report, int index) {
        return reports.run(report, ReportQuery.year(year), Locale.KOREAN).orElseThrow().rows().get(index);
    }

    private Object total(int year) {
        ReportTable table = reports.run("participation", ReportQuery.year(year), Locale.KOREAN).orElseThrow();
        List<Object> last = table.rows().getLast();
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).key().equals("total.personSessions")) {
                return last.get(i);
            }
        }
        throw new AssertionError("no 연인원 column");
    }
}
