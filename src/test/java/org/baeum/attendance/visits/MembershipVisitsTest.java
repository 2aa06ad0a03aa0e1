package org.baeum.attendance.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.visits.MembershipFixture.Made;
import org.baeum.attendance.visits.internal.VisitRepository;
import org.baeum.base.desk.DeskCodes;
import org.baeum.base.desk.DeskMatch;
import org.baeum.base.security.BaeumUser;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.CitizenEnrollments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Membership visits at the desk (decision 0044): found by card code or name, checked in once a day, refused outside
 * the period and on a day off, a pool check-in marks the session, and only STAFF check in; a citizen sees their own
 * household's cards only.
 */
@BaeumIntegrationTest
class MembershipVisitsTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    MembershipVisits visits;
    @Autowired
    MembershipCards cards;
    @Autowired
    VisitRepository stored;
    @Autowired
    Attendance attendance;
    @Autowired
    DaysOff daysOff;
    @Autowired
    DeskCodes codes;
    @Autowired
    MutableClock clock;

    static MembershipFixture fixture;
    static BaeumUser staff;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void people(@Autowired AttendanceClasses classes, @Autowired TestAccounts accounts,
                       @Autowired CatalogService catalog, @Autowired CitizenEnrollments enrollments,
                       @Autowired MutableClock clock) {
        AttendanceClasses.Cast cast = classes.cast("desk", "회원", 2, LocalDate.of(1980, 5, 1));
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
    void a_gym_member_is_found_by_code_and_name_and_checked_in_once_a_day() {
        Made gym = fixture.gym(citizens);
        String id = gym.entries().getFirst().value();
        moveTo(gym.first());
        TestAccounts.signIn(citizens.getFirst());
        MembershipCard card = cards.mine().stream().filter(c -> c.id().value().equals(id)).findFirst().orElseThrow();
        assertThat(card.code()).matches("[2-9A-Z]{4}-[2-9A-Z]{4}").isEqualTo(codes.code("membership", id));
        assertThat(card.pool()).isFalse();

        TestAccounts.signIn(staff);
        String typed = card.code().replace("-", "").toLowerCase();
        List<DeskMatch> byCode = visits.find(typed, gym.first());
        assertThat(byCode).singleElement().satisfies(m -> {
            assertThat(m.source()).isEqualTo("membership");
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.statusKey()).isEqualTo("visits.status.open");
            assertThat(m.canCheckIn()).isTrue();
        });
        assertThat(visits.find(citizens.get(1).displayName(), gym.first())).extracting(DeskMatch::id)
                .contains(gym.entries().get(1).value()).doesNotContain(id);

        DeskMatch in = visits.checkIn(id);
        assertThat(in.statusKey()).isEqualTo("visits.status.checkedIn");
        assertThat(in.checkedInAt()).isNotNull();
        assertThat(in.canCheckIn()).isFalse();
        assertThatThrownBy(() -> visits.checkIn(id)).isInstanceOf(IllegalStateException.class)
                .hasMessage("visits.refused.already");
        assertThat(visits.find(card.code(), gym.first())).singleElement()
                .extracting(DeskMatch::statusKey).isEqualTo("visits.status.checkedIn");

        moveTo(gym.first().plusDays(1));
        visits.checkIn(id);
        int year = gym.first().getYear();
        assertThat(visits.visitsOfYear(year)).containsEntry(gym.entries().getFirst(), 2);
        assertThat(stored.find(id, gym.first())).isPresent();
    }

    @Test
    void two_desks_checking_in_the_same_member_at_once_store_one_visit() throws Exception {
        Made gym = fixture.gym(citizens.subList(0, 1));
        String id = gym.entries().getFirst().value();
        moveTo(gym.first());
        int desks = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(desks)) {
            for (int i = 0; i < desks; i++) {
                outcomes.add(pool.submit(() -> {
                    TestAccounts.signIn(staff);
                    try {
                        start.await();
                        return visits.checkIn(id).statusKey();
                    } catch (IllegalStateException refused) {
                        return refused.getMessage();
                    } finally {
                        TestAccounts.signOut();
                    }
                }));
            }
            start.countDown();
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> f : outcomes) {
            answers.add(f.get());
        }
        assertThat(answers).containsOnlyOnce("visits.status.checkedIn")
                .filteredOn(a -> !a.equals("visits.status.checkedIn")).containsOnly("visits.refused.already");
        TestAccounts.signIn(staff);
        assertThat(visits.visitsOfYear(gym.first().getYear())).containsEntry(gym.entries().getFirst(), 1);
    }

    @Test
    void no_check_in_outside_the_period_or_on_a_day_off() {
        Made gym = fixture.gym(citizens.subList(0, 1));
        String id = gym.entries().getFirst().value();
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> visits.checkIn(id)).hasMessage("visits.refused.outsidePeriod");
        LocalDate closed = gym.first().plusDays(2);
        daysOff.addClosure(new ClosureDraft(ClosureScope.ROOM, "main-gym", closed, closed, "점검", "Maintenance"));
        moveTo(closed);
        assertThatThrownBy(() -> visits.checkIn(id)).hasMessage("visits.refused.dayOff");
        moveTo(gym.last().plusDays(1));
        assertThatThrownBy(() -> visits.checkIn(id)).hasMessage("visits.refused.outsidePeriod");
        assertThat(visits.visitsOfYear(gym.first().getYear())).doesNotContainKey(gym.entries().getFirst());
        assertThat(stored.find(id, closed)).isEmpty();
        assertThatThrownBy(() -> visits.checkIn("no-such-entry")).hasMessage("visits.refused.unknown");
    }

    @Test
    void a_pool_check_in_marks_the_session_present_and_is_no_extra_visit() {
        Made pool = fixture.pool(citizens.subList(1, 2));
        String id = pool.entries().getFirst().value();
        moveTo(pool.first());
        TestAccounts.signIn(staff);
        visits.checkIn(id);
        assertThat(attendance.sheet(pool.id()).rows()).singleElement()
                .satisfies(r -> assertThat(r.marks()).containsEntry(pool.first(), AttendanceStatus.PRESENT));
        assertThat(visits.visitsOfYear(pool.first().getYear())).doesNotContainKey(pool.entries().getFirst());
        assertThatThrownBy(() -> visits.checkIn(id)).hasMessage("visits.refused.already");
    }

    @Test
    void a_citizen_cannot_check_in_or_search_and_sees_only_their_household_cards() {
        Made gym = fixture.gym(citizens);
        moveTo(gym.first());
        TestAccounts.signIn(citizens.getFirst());
        String own = gym.entries().getFirst().value();
        assertThatThrownBy(() -> visits.checkIn(own)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> visits.find("회원", gym.first()))
                .isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> visits.visitsOfYear(gym.first().getYear()))
                .isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThat(cards.card(gym.entries().getFirst())).isPresent();
        assertThatThrownBy(() -> cards.card(gym.entries().get(1)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(cards.mine()).extracting(c -> c.id().value()).contains(own)
                .doesNotContain(gym.entries().get(1).value());
        TestAccounts.signIn(staff);
        assertThat(visits.visitsOfYear(gym.first().getYear())).doesNotContainKey(gym.entries().getFirst());
    }
}
