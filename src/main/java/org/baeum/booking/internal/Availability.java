package org.baeum.booking.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.baeum.booking.Bookable;
import org.baeum.calendar.DayOff;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.DaysOffCalendar;
import org.baeum.calendar.Place;
import org.baeum.catalog.ClassSession;
import org.baeum.catalog.RoomSessions;
import org.springframework.stereotype.Component;

/**
 * What makes a resource's time unavailable besides its bookings: the calendar's days off (holidays, closures of every
 * branch, the branch, the room it stands in or, for a resource without a room, the resource itself as a FACILITY
 * place, see {@link BookingPlaces}), weekdays it does not open, and class sessions in its room.
 */
@Component
class Availability {

    /** A closed part of a day, with the reason in both languages (null reasons: a weekday it does not open). */
    record Closed(LocalTime from, LocalTime to, String reasonKo, String reasonEn) {

        boolean overlaps(LocalTime start, LocalTime end) {
            return from.isBefore(end) && to.isAfter(start);
        }

        String reason(Locale locale) {
            return "en".equals(locale.getLanguage()) ? reasonEn : reasonKo;
        }
    }

    private final DaysOff daysOff;
    private final RoomSessions roomSessions;

    Availability(DaysOff daysOff, RoomSessions roomSessions) {
        this.daysOff = daysOff;
        this.roomSessions = roomSessions;
    }

    static Place place(Bookable bookable) {
        return bookable.roomId() != null ? Place.room(bookable.branchId(), bookable.roomId())
                : Place.facility(bookable.branchId(), bookable.id());
    }

    /**
     * The closed parts of the day: the whole day when it is a day off ({@link DaysOff#dayOff}), else the hours of
     * each hours closure of the place ({@link DaysOff#closuresOn}); the grid and booking follow from these.
     */
    List<Closed> closedHours(Bookable bookable, LocalDate day) {
        if (!bookable.rules().openDays().contains(day.getDayOfWeek())) {
            return List.of(new Closed(LocalTime.MIN, LocalTime.MAX, null, null));
        }
        Optional<DayOff> off;
        DaysOffCalendar calendar = daysOff.between(day, day);
        try {
            off = calendar.dayOff(day, place(bookable));
        } catch (IllegalArgumentException noHolidayData) {
            // a year without holiday data is never answered "open" (decision 0025)
            return List.of(new Closed(LocalTime.MIN, LocalTime.MAX, null, null));
        }
        if (off.isPresent()) {
            return List.of(new Closed(LocalTime.MIN, LocalTime.MAX, off.get().reasonKo(), off.get().reasonEn()));
        }
        // closures by the hour (decision 0043) close only their hours; the day stays open
        return calendar.closuresOn(day, place(bookable)).stream().filter(c -> c.fromTime() != null)
                .map(c -> new Closed(c.fromTime(), c.toTime(), c.reasonKo(), c.reasonEn())).toList();
    }

    static Optional<Closed> closedAt(List<Closed> closed, LocalTime start, LocalTime end) {
        return closed.stream().filter(c -> c.overlaps(start, end)).findFirst();
    }

    /** The class sessions in the resource's room that day (none for a resource without a room). */
    List<ClassSession> sessions(Bookable bookable, LocalDate day) {
        if (bookable.roomId() == null) {
            return List.of();
        }
        return roomSessions.between(bookable.branchId(), bookable.roomId(), day, day);
    }

    static Optional<ClassSession> classAt(List<ClassSession> sessions, LocalDate day, LocalTime start, LocalTime end) {
        return sessions.stream().filter(s -> s.overlaps(day, start, end)).findFirst();
    }
}
