package org.baeum.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * How a bookable resource is given out; STAFF edit them. Days off come from the calendar (holidays, closures of the
 * branch, the room or the facility); these are the hours within an open day.
 *
 * @param openDays            weekdays it opens (the calendar's days off still close it)
 * @param opens               first slot starts here
 * @param closes              last slot ends here (after {@code opens})
 * @param slotMinutes         length of a slot; a whole-day resource has one slot from {@code opens} to {@code closes}
 * @param wholeDay            one booking takes the whole day (study seats by the day)
 * @param horizonDays         how many days ahead it can be booked (0 = today only)
 * @param cancelMinutesBefore a citizen may cancel until this many minutes before the start
 * @param maxMinutesPerDay    quota per person and day across this resource's kind in the branch (0 = none)
 * @param maxBookingsPerMonth quota per person and calendar month (0 = none)
 * @param minGroup            smallest group (1 for seats)
 * @param maxGroup            largest group (1 for seats)
 */
public record BookingRules(Set<DayOfWeek> openDays, LocalTime opens, LocalTime closes, int slotMinutes, boolean wholeDay,
                           int horizonDays, int cancelMinutesBefore, int maxMinutesPerDay, int maxBookingsPerMonth,
                           int minGroup, int maxGroup) {

    public BookingRules {
        openDays = openDays == null ? Set.of() : Set.copyOf(openDays);
    }
}
