package org.baeum.closure.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baeum.booking.Booking;
import org.baeum.booking.Bookings;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.DaysOffCalendar;
import org.baeum.calendar.Place;
import org.baeum.catalog.ClassSession;
import org.baeum.catalog.Offering;
import org.baeum.catalog.RoomSessions;
import org.baeum.catalog.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Proposes make-up days for moved class sessions (decision 0043): the first days after the closure, up to the
 * offering's last day + {@value #WEEKS_AFTER} weeks and never after its term, on which its room is free at the
 * session's hours: no day off or closure of those hours there, no other class session (published offerings), no
 * active booking, not a day the offering meets already, and not a day this plan gave another moved session in the
 * same room at overlapping hours. The offering's own weekdays first; any other open day only when none is free.
 */
@Component
class MakeUpDates {

    static final int WEEKS_AFTER = 4;
    private static final Logger log = LoggerFactory.getLogger(MakeUpDates.class);

    private final RoomSessions roomSessions;
    private final ObjectProvider<Bookings> bookings;
    private final DaysOff daysOff;

    MakeUpDates(RoomSessions roomSessions, ObjectProvider<Bookings> bookings, DaysOff daysOff) {
        this.roomSessions = roomSessions;
        this.bookings = bookings;
        this.daysOff = daysOff;
    }

    /** Make-up days chosen for one plan so far, by room: two moved sessions never get the same room and hours. */
    static final class Taken {
        private final Map<String, List<Slot>> byRoom = new HashMap<>();

        record Slot(LocalDate day, LocalTime start, LocalTime end) {
        }

        boolean clashes(String room, LocalDate day, LocalTime start, LocalTime end) {
            return byRoom.getOrDefault(room, List.of()).stream()
                    .anyMatch(s -> s.day.equals(day) && s.start.isBefore(end) && start.isBefore(s.end));
        }

        void take(String room, LocalDate day, LocalTime start, LocalTime end) {
            byRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(new Slot(day, start, end));
        }
    }

    /**
     * A make-up day for each hit day of the offering, in order; {@code null} where none is free.
     *
     * @param after the closure's last day: make-ups come after it
     */
    List<LocalDate> propose(Offering o, String branchId, Term term, List<LocalDate> hitDays, LocalDate after,
                            Taken taken) {
        LocalTime start = o.schedule().startTime();
        LocalTime end = o.schedule().endTime();
        LocalDate first = after.plusDays(1);
        LocalDate last = o.sessionDates().isEmpty() ? after : o.sessionDates().getLast();
        last = last.isBefore(after) ? after : last;
        last = last.plusWeeks(WEEKS_AFTER);
        if (term != null && term.endDate().isBefore(last)) {
            last = term.endDate();
        }
        if (last.isBefore(first) || first.plusDays(RoomSessions.MAX_DAYS).isBefore(last)) {
            return hitDays.stream().map(d -> (LocalDate) null).toList();
        }
        Set<LocalDate> busy = busyDays(o, branchId, first, last, start, end);
        List<LocalDate> free = new ArrayList<>();
        List<LocalDate> otherDays = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!busy.contains(day)) {
                (o.schedule().weekdays().contains(day.getDayOfWeek()) ? free : otherDays).add(day);
            }
        }
        free.addAll(otherDays);
        List<LocalDate> chosen = new ArrayList<>();
        for (int i = 0; i < hitDays.size(); i++) {
            LocalDate pick = free.stream().filter(d -> !taken.clashes(o.roomId(), d, start, end)).findFirst().orElse(null);
            if (pick != null) {
                taken.take(o.roomId(), pick, start, end);
                free.remove(pick);
            }
            chosen.add(pick);
        }
        return chosen;
    }

    private Set<LocalDate> busyDays(Offering o, String branchId, LocalDate first, LocalDate last, LocalTime start,
                                    LocalTime end) {
        Set<LocalDate> busy = new HashSet<>(o.sessionDates());
        for (ClassSession s : roomSessions.between(branchId, o.roomId(), first, last)) {
            if (s.start().isBefore(end) && start.isBefore(s.end())) {
                busy.add(s.date());
            }
        }
        Bookings desk = bookings.getIfAvailable();
        if (desk != null) {
            for (Booking b : desk.within(branchId, o.roomId(), null, first, last, start, end)) {
                busy.add(b.date());
            }
        }
        Place place = Place.room(branchId, o.roomId());
        try {
            DaysOffCalendar calendar = daysOff.between(first, last);
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                LocalDate d = day;
                if (calendar.dayOff(d, place).isPresent()
                        || calendar.closuresOn(d, place).stream().anyMatch(c -> c.closesDuring(d, start, end))) {
                    busy.add(d);
                }
            }
        } catch (IllegalArgumentException noHolidayData) {
            log.warn("No make-up days for {} from {} to {}: {}", o.id().value(), first, last, noHolidayData.getMessage());
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                busy.add(day);
            }
        }
        return busy;
    }
}
