package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingRules;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A study seat by the day booked on the day after it opened (decision 0042): its check-in window and its online
 * cancellation both run from the booking time until the grace, so the citizen can still cancel (no no-show mark, the
 * quota back) until the moment the sweep would release it; a day booked before it began keeps the resource's deadline.
 */
@BaeumIntegrationTest
class WholeDaySeatTest {

    private static final LocalTime OPENS = LocalTime.of(9, 0);

    @Autowired
    Bookings bookings;
    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    QuotaCounters quotas;
    @Autowired
    PersonDays days;

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    private Bookable seats(String id) {
        // one booking a day per person (a whole day is 720 minutes), cancel until an hour before the start
        return fixture.save(new Bookable(id, "main", null, BookableKind.STUDY_SEAT, "열람석 " + id, "Reading seats " + id,
                10, new BookingRules(EnumSet.allOf(DayOfWeek.class), OPENS, LocalTime.of(21, 0), 60, true, 7, 60, 720, 0,
                1, 1), true));
    }

    private BaeumUser citizen() {
        BaeumUser user = accounts.citizen("wd-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum", "종일",
                LocalDate.of(1991, 1, 1));
        TestAccounts.signIn(user);
        return user;
    }

    private void moveTo(LocalDate day, LocalTime time) {
        clock.advance(Duration.between(clock.instant(), LocalDateTime.of(day, time).atZone(Formats.SEOUL).toInstant()));
    }

    private Booking bookDay(Bookable seats, LocalDate day) {
        return bookings.book(new BookingRequest(seats.id(), day, OPENS, null, null, 0, null));
    }

    private static BookingRefusal refusal(Runnable action) {
        try {
            action.run();
        } catch (BookingRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void a_whole_day_booked_after_it_opened_can_be_cancelled_until_its_check_in_window_closes() {
        Bookable seats = seats("wd-late");
        LocalDate day = fixture.openDay(1);
        int grace = bookings.noShowRule().graceMinutes();
        moveTo(day, LocalTime.of(13, 0));
        BaeumUser first = citizen();
        Booking late = bookDay(seats, day);
        Instant bookedAt = late.createdAt();
        assertThat(late.bookedAfterStart()).isTrue();
        assertThat(late.presentFrom()).isEqualTo(bookedAt);
        assertThat(late.cancelUntil(seats.rules(), grace)).isEqualTo(bookedAt.plus(Duration.ofMinutes(grace)));

        clock.advance(Duration.ofMinutes(grace - 1));
        Booking cancelled = bookings.cancel(late.id());
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        // the day's quota (one whole day) came back: the same person books the day again
        Booking again = bookDay(seats, day);
        assertThat(again.status()).isEqualTo(BookingStatus.CONFIRMED);
        String dayQuota = PersonDays.id(first.accountId(), "main", BookableKind.STUDY_SEAT.name(), day);
        assertThat(days.minutes(dayQuota)).contains(720);

        // once the window closed (when the sweep releases it as a no-show) it cannot be cancelled online
        clock.advance(Duration.ofMinutes(grace));
        assertThat(refusal(() -> bookings.cancel(again.id()))).isEqualTo(BookingRefusal.TOO_LATE);

        // checked in within the window: no longer cancellable by the booker
        citizen();
        Booking used = bookDay(seats, day);
        clock.advance(Duration.ofMinutes(3));
        assertThat(bookings.checkIn(used.id()).status()).isEqualTo(BookingStatus.CHECKED_IN);
        assertThat(refusal(() -> bookings.cancel(used.id()))).isEqualTo(BookingRefusal.TOO_LATE);
    }

    @Test
    void a_whole_day_booked_before_it_began_keeps_the_deadline_before_the_opening() {
        Bookable seats = seats("wd-early");
        LocalDate day = fixture.openDay(2);
        moveTo(day.minusDays(1), LocalTime.of(20, 0));
        citizen();
        Booking early = bookDay(seats, day);
        Instant opening = LocalDateTime.of(day, OPENS).atZone(Formats.SEOUL).toInstant();
        assertThat(early.bookedAfterStart()).isFalse();
        assertThat(early.presentFrom()).isEqualTo(opening);
        assertThat(early.cancelUntil(seats.rules(), bookings.noShowRule().graceMinutes()))
                .isEqualTo(opening.minus(Duration.ofHours(1)));

        moveTo(day, LocalTime.of(8, 1));
        assertThatThrownBy(() -> bookings.cancel(early.id())).isInstanceOfSatisfying(BookingRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(BookingRefusal.TOO_LATE));
        // its check-in window is the first minutes after the opening
        moveTo(day, LocalTime.of(9, 5));
        assertThat(bookings.checkIn(early.id()).status()).isEqualTo(BookingStatus.CHECKED_IN);
    }
}
