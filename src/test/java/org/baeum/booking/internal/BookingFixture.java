package org.baeum.booking.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import org.baeum.base.i18n.Formats;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.BookingRules;
import org.baeum.calendar.DaysOff;
import org.springframework.stereotype.Component;

/** Resources for booking tests, stored directly (no catalog needed), and open days to book them on. */
@Component
public class BookingFixture {

    private final BookableRepository bookables;
    private final DaysOff daysOff;
    private final Clock clock;

    BookingFixture(BookableRepository bookables, DaysOff daysOff, Clock clock) {
        this.bookables = bookables;
        this.daysOff = daysOff;
        this.clock = clock;
    }

    /** Seats by the hour, 09:00–21:00 every day, a week ahead, cancel until an hour before. */
    public Bookable seats(String id, int units, int maxMinutesPerDay, int maxBookingsPerMonth) {
        return save(new Bookable(id, "main", null, BookableKind.DIGITAL_SEAT, "디지털 좌석 " + id, "Digital seats " + id,
                units, new BookingRules(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(21, 0), 60,
                false, 7, 60, maxMinutesPerDay, maxBookingsPerMonth, 1, 1), true));
    }

    /** A room for groups of 2 to 6, two-hour slots, a week ahead. */
    public Bookable room(String id, BookableKind kind, String roomId) {
        return save(new Bookable(id, "main", roomId, kind, "스터디룸 " + id, "Study room " + id, 1,
                new BookingRules(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(21, 0), 120, false,
                        7, 60, 0, 0, 2, 6), true));
    }

    Bookable save(Bookable b) {
        bookables.save(b);
        return b;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    /** The first day from {@code daysAhead} on that is no holiday. */
    public LocalDate openDay(int daysAhead) {
        LocalDate day = today().plusDays(daysAhead);
        while (daysOff.dayOff(day, org.baeum.calendar.Place.branch("main")).isPresent()) {
            day = day.plusDays(1);
        }
        return day;
    }
}
