package org.baeum.attendance.visits.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.Place;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogYears;
import org.baeum.catalog.Offering;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.Publication;
import org.baeum.catalog.Room;
import org.baeum.catalog.RoomKind;
import org.springframework.stereotype.Component;

/**
 * Which offerings the desk checks in (decision 0044), as plain reads on the catalog and the calendar: a gym membership
 * (program kind {@code GYM_MEMBERSHIP}) and a pool's regular class (수영 정규반: {@code SPORTS_LESSON} in a room of kind
 * {@code SWIMMING_POOL}). Its period runs from its first to its last session day; it is open on a session day the
 * calendar has no day off for (a closure added after planning still closes it). The callers checked their caller.
 */
@Component
public class Memberships {

    /** How the desk treats a membership: a gym visit is itself 연인원; a pool check-in marks that day's session. */
    public enum Kind { GYM, POOL }

    private final CatalogService catalog;
    private final CatalogYears years;
    private final DaysOff daysOff;

    Memberships(CatalogService catalog, CatalogYears years, DaysOff daysOff) {
        this.catalog = catalog;
        this.years = years;
        this.daysOff = daysOff;
    }

    /** The kind of membership an offering is, or {@code null} when the desk does not check it in. */
    public Kind kind(Offering o) {
        if (o.program().kind() == ProgramKind.GYM_MEMBERSHIP) {
            return Kind.GYM;
        }
        if (o.program().kind() == ProgramKind.SPORTS_LESSON && o.roomId() != null && poolRooms().contains(o.roomId())) {
            return Kind.POOL;
        }
        return null;
    }

    /** Whether the day falls between the first and last session day. */
    public static boolean inPeriod(Offering o, LocalDate day) {
        return !o.sessionDates().isEmpty() && !day.isBefore(o.sessionDates().getFirst())
                && !day.isAfter(o.sessionDates().getLast());
    }

    /** Whether the membership can be used on the day: one of its session days and no day off there now. */
    public boolean open(Offering o, LocalDate day) {
        return o.sessionDates().contains(day) && daysOff.dayOff(day, place(o)).isEmpty();
    }

    /** The published memberships whose period holds the day (STAFF/ADMIN callers: reads the year's offerings). */
    public List<Offering> runningOn(LocalDate day) {
        List<Offering> running = new ArrayList<>();
        for (int year : new int[] {day.getYear() - 1, day.getYear()}) {
            for (Offering o : years.offeringsOfYear(year)) {
                if (o.publication() == Publication.PUBLISHED && inPeriod(o, day) && kind(o) != null) {
                    running.add(o);
                }
            }
        }
        return running;
    }

    private static Place place(Offering o) {
        return new Place(o.program().branchId().value(), o.roomId(), null);
    }

    private Set<String> poolRooms() {
        return catalog.branches().stream().map(Branch::rooms).flatMap(List::stream)
                .filter(r -> r.kind() == RoomKind.SWIMMING_POOL).map(Room::id).collect(Collectors.toSet());
    }
}
