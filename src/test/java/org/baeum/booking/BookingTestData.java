package org.baeum.booking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.TestAccounts;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Resources for the booking API and screen tests, saved through {@link Bookables#save} as STAFF in the demo's main
 * branch (load the demo catalog first), and free slots to book on them.
 */
public final class BookingTestData {

    private BookingTestData() {
    }

    /** Seats by the hour, 09:00–21:00 every day, a week ahead, cancel until an hour before, no quotas. */
    public static Bookable seats(Bookables bookables, BaeumUser staff, String id, int units) {
        return as(staff, () -> bookables.save(new Bookable(id, "main", null, BookableKind.DIGITAL_SEAT,
                "시험 좌석 " + id, "Test seats " + id, units, rules(60, 0, 0, 1, 1), true)));
    }

    /** A study room for groups of 2 to 6, two-hour slots. */
    public static Bookable room(Bookables bookables, BaeumUser staff, String id) {
        return as(staff, () -> bookables.save(new Bookable(id, "main", null, BookableKind.STUDY_ROOM,
                "시험 스터디룸 " + id, "Test study room " + id, 1, rules(120, 0, 0, 2, 6), true)));
    }

    /** Seats with a quota of one booking a month per person. */
    public static Bookable limitedSeats(Bookables bookables, BaeumUser staff, String id) {
        return as(staff, () -> bookables.save(new Bookable(id, "main", null, BookableKind.STUDY_SEAT,
                "시험 한도 좌석 " + id, "Test limited seats " + id, 5, rules(60, 0, 1, 1, 1), true)));
    }

    private static BookingRules rules(int slotMinutes, int maxMinutesPerDay, int maxBookingsPerMonth, int minGroup,
                                      int maxGroup) {
        return new BookingRules(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(21, 0), slotMinutes,
                false, 7, 60, maxMinutesPerDay, maxBookingsPerMonth, minGroup, maxGroup);
    }

    /** The {@code n}-th free slot (from 0) of the resource from tomorrow on, across the days it can be booked. */
    public static Slot freeSlot(Bookables bookables, Clock clock, String id, int n) {
        LocalDate tomorrow = LocalDate.now(clock.withZone(Formats.SEOUL)).plusDays(1);
        int seen = 0;
        for (int d = 0; d < 7; d++) {
            List<Slot> free = bookables.slots(id, tomorrow.plusDays(d)).stream().filter(Slot::free).toList();
            if (n - seen < free.size()) {
                return free.get(n - seen);
            }
            seen += free.size();
        }
        throw new IllegalStateException("no free slot number " + n + " of " + id);
    }

    /** Runs as the user and puts back whoever was signed in before. */
    public static <T> T as(BaeumUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        TestAccounts.signIn(user);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
