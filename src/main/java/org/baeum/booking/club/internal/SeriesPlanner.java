package org.baeum.booking.club.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.booking.Bookable;
import org.baeum.booking.club.Clash;
import org.baeum.booking.club.SeriesCheck;
import org.baeum.calendar.DayOff;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.DaysOffCalendar;
import org.baeum.calendar.Place;
import org.baeum.catalog.ClassSession;
import org.baeum.catalog.RoomSessions;
import org.springframework.stereotype.Component;

/**
 * Checks a series day by day: each weekday of the period is booked unless the room's place is off (a holiday or a
 * closure: skipped, with its reason) or a class session of the room overlaps the hours (a clash that refuses the
 * series, with the class's title).
 */
@Component
public class SeriesPlanner {

    private final RoomSessions roomSessions;
    private final DaysOff daysOff;

    SeriesPlanner(RoomSessions roomSessions, DaysOff daysOff) {
        this.roomSessions = roomSessions;
        this.daysOff = daysOff;
    }

    public SeriesCheck check(Bookable room, DayOfWeek weekday, LocalTime start, LocalTime end, LocalDate from,
                             LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        List<Clash> clashes = new ArrayList<>();
        LocalDate first = from.with(TemporalAdjusters.nextOrSame(weekday));
        if (first.isAfter(to)) {
            return new SeriesCheck(days, clashes);
        }
        List<ClassSession> sessions = room.roomId() == null ? List.of()
                : roomSessions.between(room.branchId(), room.roomId(), first, to);
        DaysOffCalendar calendar = daysOff.between(first, to);
        Place place = Place.room(room.branchId(), room.roomId());
        for (LocalDate day = first; !day.isAfter(to); day = day.plusWeeks(1)) {
            Optional<DayOff> off = calendar.dayOff(day, place);
            if (off.isPresent()) {
                Clash.Kind kind = off.get().kind() == DayOff.Kind.HOLIDAY ? Clash.Kind.HOLIDAY : Clash.Kind.CLOSURE;
                clashes.add(new Clash(day, kind, off.get().reasonKo(), off.get().reasonEn()));
                continue;
            }
            LocalDate d = day;
            List<ClassSession> meeting = sessions.stream().filter(s -> s.overlaps(d, start, end)).toList();
            if (meeting.isEmpty()) {
                days.add(day);
            }
            for (ClassSession s : meeting) {
                clashes.add(new Clash(day, Clash.Kind.CLASS, s.titleKo() + " " + s.start() + "–" + s.end(),
                        s.titleEn() + " " + s.start() + "–" + s.end()));
            }
        }
        return new SeriesCheck(days, clashes);
    }
}
