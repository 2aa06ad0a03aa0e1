package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baeum.booking.internal.BookingTest.refusal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.NoShowRule;
import org.baeum.booking.Standing;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.capacity.CapacityLedger;
import org.baeum.capacity.Counters;
import org.baeum.capacity.ResourceKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Check-in windows, no-shows released at the grace by a moved clock, the ban and its end, and the sweep after a crash
 * between the claim and the insert (decision 0042). The clock only moves forward; each test books from "now".
 */
@BaeumIntegrationTest
class NoShowTest {

    @Autowired
    Bookings bookings;
    @Autowired
    Bookables bookables;
    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    BookingSweep sweep;
    @Autowired
    SlotClaims claims;
    @Autowired
    CapacityLedger ledger;
    @Autowired
    org.baeum.account.HouseholdService households;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private BaeumUser citizen() {
        return accounts.citizen("ns-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum", "노쇼",
                LocalDate.of(1990, 1, 1));
    }

    private BaeumUser staff() {
        return accounts.create("ns-staff-" + UUID.randomUUID().toString().substring(0, 8), Role.STAFF);
    }

    private void moveTo(LocalDate day, LocalTime time) {
        clock.advance(Duration.between(clock.instant(), LocalDateTime.of(day, time).atZone(Formats.SEOUL).toInstant()));
    }

    private static BookingRequest at(Bookable b, LocalDate day, int hour) {
        return new BookingRequest(b.id(), day, LocalTime.of(hour, 0), null, null, 0, null);
    }

    @Test
    void a_request_nobody_decided_before_its_start_cannot_be_approved_and_the_sweep_ends_it() {
        Bookable hall = fixture.room("ns-hall", org.baeum.booking.BookableKind.AUDITORIUM, null);
        LocalDate day = fixture.openDay(1);
        BaeumUser citizen = citizen();
        TestAccounts.signIn(citizen);
        Booking request = bookings.book(new BookingRequest(hall.id(), day, LocalTime.of(9, 0), null, null, 3, "강연"));
        assertThat(request.status()).isEqualTo(BookingStatus.REQUESTED);

        moveTo(day, LocalTime.of(9, 0));
        TestAccounts.signIn(staff());
        assertThat(refusal(() -> bookings.approve(request.id()))).isEqualTo(BookingRefusal.TOO_LATE);
        assertThat(bookings.requests()).extracting(Booking::id).contains(request.id());
        moveTo(day.plusDays(1), LocalTime.of(8, 0));
        assertThat(bookings.requests()).extracting(Booking::id).doesNotContain(request.id()); // only from today on
        sweep.run();

        assertThat(bookings.booking(request.id()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
        SystemIdentity.run(() -> assertThat(ledger.counters(SlotTimes.key(hall.id(), day, LocalTime.of(9, 0)))
                .orElseThrow().left()).isEqualTo(1));
        TestAccounts.signIn(citizen);
        assertThat(bookings.standing(null).marks()).isEmpty();
    }

    @Test
    void the_booker_checks_in_from_the_start_and_staff_from_half_an_hour_before_both_until_the_grace() {
        Bookable seats = fixture.seats("ns-desk", 5, 0, 0);
        LocalDate day = fixture.openDay(1);
        BaeumUser citizen = citizen();
        BaeumUser staff = staff();
        TestAccounts.signIn(citizen);
        Booking noon = bookings.book(at(seats, day, 12));
        Booking one = bookings.book(at(seats, day, 13));
        Booking two = bookings.book(at(seats, day, 14));
        Booking three = bookings.book(at(seats, day, 15));

        moveTo(day, LocalTime.of(11, 59));
        assertThat(refusal(() -> bookings.checkIn(noon.id()))).isEqualTo(BookingRefusal.TOO_LATE);
        TestAccounts.signIn(staff);
        assertThat(refusal(() -> bookings.checkIn(one.id()))).isEqualTo(BookingRefusal.TOO_LATE);
        assertThat(bookings.checkIn(noon.id()).status()).isEqualTo(BookingStatus.CHECKED_IN);

        moveTo(day, LocalTime.of(13, 1));
        TestAccounts.signIn(citizen);
        Booking checkedIn = bookings.checkIn(one.id());
        assertThat(checkedIn.status()).isEqualTo(BookingStatus.CHECKED_IN);
        assertThat(checkedIn.checkedInAt()).isNotNull();
        assertThat(refusal(() -> bookings.checkIn(one.id()))).isEqualTo(BookingRefusal.TOO_LATE);

        moveTo(day, LocalTime.of(14, 14));
        TestAccounts.signIn(staff);
        assertThat(bookings.checkIn(two.id()).status()).isEqualTo(BookingStatus.CHECKED_IN);

        // after the grace neither the booker nor STAFF check in, whether or not the sweep has run yet
        moveTo(day, LocalTime.of(15, 15));
        TestAccounts.signIn(citizen);
        assertThat(refusal(() -> bookings.checkIn(three.id()))).isEqualTo(BookingRefusal.TOO_LATE);
        TestAccounts.signIn(staff);
        assertThat(refusal(() -> bookings.checkIn(three.id()))).isEqualTo(BookingRefusal.TOO_LATE);
        sweep.run();
        assertThat(bookings.booking(three.id()).orElseThrow().status()).isEqualTo(BookingStatus.NO_SHOW);
    }

    @Test
    void a_booking_not_checked_in_is_released_at_the_grace_and_the_third_mark_bans_until_its_last_day() {
        Bookable seats = fixture.seats("ns-release", 1, 0, 0);
        LocalDate first = fixture.openDay(1);
        LocalDate second = fixture.openDay((int) (first.toEpochDay() - fixture.today().toEpochDay()) + 1);
        LocalDate third = fixture.openDay((int) (second.toEpochDay() - fixture.today().toEpochDay()) + 1);
        BaeumUser citizen = citizen();
        TestAccounts.signIn(citizen);
        Booking b1 = bookings.book(at(seats, first, 10));
        Booking b2 = bookings.book(at(seats, second, 10));
        Booking b3 = bookings.book(at(seats, third, 10));

        moveTo(first, LocalTime.of(10, 14));
        sweep.run();
        assertThat(bookings.booking(b1.id()).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
        moveTo(first, LocalTime.of(10, 16));
        sweep.run();
        assertThat(bookings.booking(b1.id()).orElseThrow().status()).isEqualTo(BookingStatus.NO_SHOW);
        assertThat(bookables.slots(seats.id(), first).get(1).left()).isZero(); // begun: not bookable, shows none left
        assertThat(freeUnits(seats, first, 10)).isEqualTo(1);
        sweep.run(); // a rerun adds no second mark
        Standing one = bookings.standing(citizen.accountId());
        assertThat(one.marks()).containsExactly(first);
        assertThat(one.banned()).isFalse();

        moveTo(third, LocalTime.of(10, 16));
        sweep.run();
        Standing banned = bookings.standing(citizen.accountId());
        assertThat(banned.marks()).containsExactly(first, second, third);
        LocalDate through = third.plusDays(NoShowRule.DEFAULT.banDays() - 1);
        assertThat(banned.bannedThrough()).isEqualTo(through);
        assertThat(bookings.booking(b2.id()).orElseThrow().status()).isEqualTo(BookingStatus.NO_SHOW);
        assertThat(bookings.booking(b3.id()).orElseThrow().status()).isEqualTo(BookingStatus.NO_SHOW);

        moveTo(through, LocalTime.of(8, 0));
        assertThatThrownBy(() -> bookings.book(at(seats, fixture.openDay(0), 10)))
                .isInstanceOfSatisfying(BookingRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BookingRefusal.BANNED);
                    assertThat(e.until()).isEqualTo(through);
                });
        // the banned holder cannot go on booking online in a dependant's name
        var child = households.addDependant(new org.baeum.account.DependantDraft("아이", LocalDate.of(2012, 5, 5),
                org.baeum.account.Relation.CHILD));
        assertThatThrownBy(() -> bookings.book(new BookingRequest(seats.id(), fixture.openDay(0), LocalTime.of(11, 0),
                null, child.id().value(), 0, null))).isInstanceOfSatisfying(BookingRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BookingRefusal.BANNED);
                    assertThat(e.until()).isEqualTo(through);
                });
        moveTo(through.plusDays(1), LocalTime.of(8, 0));
        assertThat(bookings.standing(citizen.accountId()).bannedThrough()).isNull();
        assertThat(bookings.book(at(seats, fixture.openDay(0), 10)).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void a_citizen_cancels_until_the_deadline_and_staff_until_the_end() {
        Bookable seats = fixture.seats("ns-cancel", 3, 0, 0); // cancel until 60 minutes before
        LocalDate day = fixture.openDay(1);
        TestAccounts.signIn(citizen());
        Booking early = bookings.book(at(seats, day, 16));
        Booking late = bookings.book(at(seats, day, 17));

        moveTo(day, LocalTime.of(15, 59));
        assertThat(refusal(() -> bookings.cancel(early.id()))).isEqualTo(BookingRefusal.TOO_LATE);
        assertThat(bookings.cancel(late.id()).status()).isEqualTo(BookingStatus.CANCELLED);
        TestAccounts.signIn(staff());
        assertThat(bookings.cancel(early.id()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(freeUnits(seats, day, 16)).isEqualTo(3);
    }

    private int freeUnits(Bookable b, LocalDate day, int hour) {
        ResourceKey key = SlotTimes.key(b.id(), day, LocalTime.of(hour, 0));
        return SystemIdentity.call(() -> ledger.counters(key)).map(Counters::left).orElseThrow();
    }

    @Test
    void a_claim_without_its_booking_goes_back_after_the_grace_and_a_claim_with_one_is_confirmed() {
        Bookable seats = fixture.seats("ns-crash", 2, 0, 0);
        LocalDate day = fixture.openDay(1);
        TestAccounts.signIn(citizen());
        Booking kept = bookings.book(at(seats, day, 15));
        ResourceKey key = SlotTimes.key(seats.id(), day, LocalTime.of(15, 0));
        assertThat(claims.claimAll(java.util.List.of(key), "crashed-before-insert", 2)).isTrue(); // then the crash
        assertThat(freeUnits(seats, day, 15)).isZero();

        sweep.run();
        assertThat(freeUnits(seats, day, 15)).isZero(); // within the grace the insert may still come
        // and a fresh claim is not even read: a sweep during a rush leaves the rush's new claims alone
        assertThat(SystemIdentity.call(() -> ledger.holders(key)).orElseThrow().holders())
                .noneMatch(h -> h.confirmed());

        clock.advance(BookingSweep.GRACE.plusMinutes(1));
        sweep.run();

        assertThat(freeUnits(seats, day, 15)).isEqualTo(1);
        var holders = SystemIdentity.call(() -> ledger.holders(key)).orElseThrow().holders();
        assertThat(holders).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo(kept.id());
            assertThat(h.confirmed()).isTrue();
        });
    }

    @Test
    void staff_change_the_rule_per_field_and_citizens_cannot() {
        TestAccounts.signIn(citizen());
        assertThatThrownBy(() -> bookings.changeNoShowRule(new NoShowRule(2, 60, 14, 10)))
                .isExactlyInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(staff());
        assertThatThrownBy(() -> bookings.changeNoShowRule(new NoShowRule(0, 60, 400, 10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("marks", "banDays"));
        assertThat(bookings.noShowRule()).isEqualTo(NoShowRule.DEFAULT);
        bookings.changeNoShowRule(new NoShowRule(2, 60, 14, 10));
        TestAccounts.signOut();
        assertThat(bookings.noShowRule()).isEqualTo(new NoShowRule(2, 60, 14, 10));
        TestAccounts.signIn(staff());
        bookings.changeNoShowRule(NoShowRule.DEFAULT);
    }
}
