package org.baeum.attendance.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.AttendanceTotals;
import org.baeum.attendance.visits.MembershipFixture.Made;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.audit.AccessLogEntry;
import org.baeum.base.audit.AccessLogQuery;
import org.baeum.base.desk.DeskMatch;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.CitizenEnrollments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Taking back a check-in at the desk (decision 0047): STAFF only, the same day only, written to the access log with
 * the member's household; a gym visit no longer counts as 연인원, a pool check-in's PRESENT becomes ABSENT and leaves the
 * attended count; a second undo, or one the next day, is refused and changes nothing.
 */
@BaeumIntegrationTest
class MembershipUndoTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    MembershipVisits visits;
    @Autowired
    Attendance attendance;
    @Autowired
    AttendanceTotals totals;
    @Autowired
    AccessLog accessLog;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;

    static MembershipFixture fixture;
    static BaeumUser staff;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void people(@Autowired AttendanceClasses classes, @Autowired CatalogService catalog,
                       @Autowired CitizenEnrollments enrollments, @Autowired MutableClock clock) {
        AttendanceClasses.Cast cast = classes.cast("undo", "취소회원", 2, LocalDate.of(1981, 6, 1));
        staff = cast.staff();
        citizens = cast.citizens();
        fixture = new MembershipFixture(catalog, enrollments, clock);
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    private void moveTo(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, day)));
    }

    @Test
    void staff_take_back_a_gym_visit_the_same_day_and_it_no_longer_counts() {
        Made gym = fixture.gym(citizens.subList(0, 1));
        String id = gym.entries().getFirst().value();
        int year = gym.first().getYear();
        moveTo(gym.first());
        TestAccounts.signIn(staff);
        DeskMatch in = visits.checkIn(id);
        assertThat(in.canUndo()).isTrue();
        assertThat(visits.visitsOfYear(year)).containsEntry(gym.entries().getFirst(), 1);

        TestAccounts.signIn(citizens.getFirst());
        assertThatThrownBy(() -> visits.undo(id)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(accounts.userOrCreate("undo-instructor", Role.INSTRUCTOR));
        assertThatThrownBy(() -> visits.undo(id)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(staff);
        assertThat(visits.visitsOfYear(year)).containsEntry(gym.entries().getFirst(), 1);

        DeskMatch undone = visits.undo(id);
        assertThat(undone.statusKey()).isEqualTo("visits.status.open");
        assertThat(undone.checkedInAt()).isNull();
        assertThat(undone.canCheckIn()).isTrue();
        assertThat(undone.canUndo()).isFalse();
        assertThat(visits.visitsOfYear(year)).doesNotContainKey(gym.entries().getFirst());
        assertThatThrownBy(() -> visits.undo(id)).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("visits.refused.noVisit");

        List<AccessLogEntry> logged = undoEntries(citizens.getFirst());
        assertThat(logged).hasSize(1);
        assertThat(logged.getFirst().subjectAccountId()).isEqualTo(citizens.getFirst().accountId());
        assertThat(logged.getFirst().detail()).isEqualTo("membership visit of enrolment " + id + " on " + gym.first());

        // checked in again, then the next day: yesterday's visit stays and cannot be taken back
        visits.checkIn(id);
        moveTo(gym.first().plusDays(1));
        assertThat(visits.find(citizens.getFirst().displayName(), gym.first())).filteredOn(m -> m.id().equals(id))
                .singleElement().satisfies(m -> assertThat(m.canUndo()).isFalse());
        assertThatThrownBy(() -> visits.undo(id)).hasMessage("visits.refused.noVisit");
        assertThat(visits.visitsOfYear(year)).containsEntry(gym.entries().getFirst(), 1);
    }

    @Test
    void taking_back_a_pool_check_in_turns_its_present_mark_absent() {
        Made pool = fixture.pool(citizens.subList(1, 2));
        String id = pool.entries().getFirst().value();
        int year = pool.first().getYear();
        moveTo(pool.first());
        TestAccounts.signIn(staff);
        int attendedBefore = totals.attendedInYear(year).getOrDefault(pool.entries().getFirst(), 0);
        visits.checkIn(id);
        assertThat(totals.attendedInYear(year)).containsEntry(pool.entries().getFirst(), attendedBefore + 1);

        visits.undo(id);
        assertThat(attendance.sheet(pool.id()).rows()).singleElement()
                .satisfies(r -> assertThat(r.marks()).containsEntry(pool.first(), AttendanceStatus.ABSENT));
        assertThat(totals.attendedInYear(year).getOrDefault(pool.entries().getFirst(), 0)).isEqualTo(attendedBefore);
        assertThat(undoEntries(citizens.get(1))).singleElement().satisfies(e -> assertThat(e.detail()).endsWith(", session mark too"));
    }

    private List<AccessLogEntry> undoEntries(BaeumUser member) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        TestAccounts.signIn(accounts.userOrCreate("undo-admin", Role.ADMIN));
        try {
            return accessLog.page(new AccessLogQuery(null, null, staff.getUsername(), member.accountId(),
                    AccessAction.UNDO_CHECK_IN),
                    0, 50);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }
}
