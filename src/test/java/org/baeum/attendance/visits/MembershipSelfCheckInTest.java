package org.baeum.attendance.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.visits.MembershipFixture.Made;
import org.baeum.attendance.visits.internal.VisitRepository;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * A gym member checks themselves in from 내 회원증 during the day's hours, once, counted as the desk's check-in; a pool
 * class stays with the desk; another household's entry and STAFF are refused.
 */
@BaeumIntegrationTest
class MembershipSelfCheckInTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    MembershipVisits visits;
    @Autowired
    MembershipCards cards;
    @Autowired
    VisitRepository stored;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;

    static MembershipFixture fixture;
    static BaeumUser staff;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void people(@Autowired AttendanceClasses classes, @Autowired CatalogService catalog,
                       @Autowired CitizenEnrollments enrollments, @Autowired MutableClock clock) {
        AttendanceClasses.Cast cast = classes.cast("self", "셀프", 2, LocalDate.of(1982, 4, 1));
        staff = cast.staff();
        citizens = cast.citizens();
        fixture = new MembershipFixture(catalog, enrollments, clock);
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    /** Moves the clock to the day at the time, Seoul time (always forward: the fixture's days are weeks ahead). */
    private void moveTo(java.time.LocalDateTime when) {
        clock.advance(Duration.between(clock.instant(), when.atZone(SEOUL).toInstant()));
    }

    private MembershipCard card(EnrollmentId id) {
        return cards.card(id).orElseThrow();
    }

    @Test
    void a_gym_member_checks_in_once_during_the_days_hours_and_the_desk_sees_it() {
        Made gym = fixture.gym(citizens);
        EnrollmentId mine = gym.entries().getFirst();
        LocalTime opens = catalog.offering(gym.id()).orElseThrow().schedule().startTime();
        LocalTime closes = catalog.offering(gym.id()).orElseThrow().schedule().endTime();
        TestAccounts.signIn(citizens.getFirst());

        // 31 minutes before the opening (the day before, for an opening just after midnight: also too early)
        moveTo(gym.first().atTime(opens).minusMinutes(31));
        assertThat(card(mine).selfCheckIn()).isFalse();
        assertThatThrownBy(() -> visits.checkInMine(mine)).isInstanceOf(IllegalStateException.class)
                .hasMessage("visits.refused.notNow");
        assertThat(stored.find(mine.value(), gym.first())).isEmpty();

        var tenBefore = gym.first().atTime(opens).minusMinutes(10); // 10 minutes before the opening, or midnight
        moveTo(tenBefore.toLocalDate().isBefore(gym.first()) ? gym.first().atStartOfDay() : tenBefore);
        assertThat(card(mine).selfCheckIn()).isTrue();
        var before = clock.instant();
        var at = visits.checkInMine(mine);
        assertThat(at).isBetween(before, clock.instant());
        assertThat(stored.find(mine.value(), gym.first())).hasValueSatisfying(v -> {
            assertThat(v.by()).isEqualTo(citizens.getFirst().accountId());
            assertThat(v.counts()).as("a gym visit counts as 연인원").isTrue();
        });
        MembershipCard after = card(mine);
        assertThat(after.checkedInAt()).isCloseTo(at, org.assertj.core.api.Assertions.within(1,
                java.time.temporal.ChronoUnit.MILLIS));
        assertThat(after.selfCheckIn()).isFalse();
        assertThatThrownBy(() -> visits.checkInMine(mine)).isInstanceOf(IllegalStateException.class)
                .hasMessage("visits.refused.already");

        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> visits.checkIn(mine.value())).isInstanceOf(IllegalStateException.class)
                .hasMessage("visits.refused.already");

        TestAccounts.signIn(citizens.getFirst());
        moveTo(gym.first().plusDays(1).atTime(closes)); // the next day, at the closing: too late
        assertThatThrownBy(() -> visits.checkInMine(mine)).isInstanceOf(IllegalStateException.class)
                .hasMessage("visits.refused.notNow");
        clock.advance(Duration.ofMinutes(-1));
        visits.checkInMine(mine);
        assertThat(stored.find(mine.value(), gym.first().plusDays(1))).isPresent();
    }

    @Test
    void a_pool_class_stays_with_the_desk_and_nobody_checks_in_another_households_entry() {
        Made pool = fixture.pool(citizens);
        Made gym = fixture.gym(citizens);
        LocalTime opens = catalog.offering(gym.id()).orElseThrow().schedule().startTime();
        moveTo(gym.first().atTime(opens));

        TestAccounts.signIn(citizens.getFirst());
        assertThat(card(pool.entries().getFirst()).selfCheckIn()).isFalse();
        assertThatThrownBy(() -> visits.checkInMine(pool.entries().getFirst()))
                .isInstanceOf(IllegalStateException.class).hasMessage("visits.refused.deskOnly");

        EnrollmentId theirs = gym.entries().get(1);
        assertThatThrownBy(() -> visits.checkInMine(theirs)).isExactlyInstanceOf(AccessDeniedException.class);
        assertThat(stored.find(theirs.value(), gym.first())).isEmpty();

        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> visits.checkInMine(theirs)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThat(stored.find(theirs.value(), gym.first())).isEmpty();
    }
}
