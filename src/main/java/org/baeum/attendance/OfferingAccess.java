package org.baeum.attendance;

import java.time.LocalDate;
import java.util.List;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.DaysOffCalendar;
import org.baeum.calendar.Place;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.InstructorRosters;
import org.baeum.enrollment.RosterEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may work an offering's attendance, and what it is made of: the offering's instructors (an account id in
 * {@code Program.instructors()}, as {@link InstructorRosters} decides) and STAFF/ADMIN; its enrolled participants
 * (the roster); its sessions that count (the planned session days, less any day a closure added later closes).
 */
@Component
class OfferingAccess {

    private static final Logger log = LoggerFactory.getLogger(OfferingAccess.class);

    private final org.baeum.catalog.CatalogService catalog;
    private final InstructorRosters rosters;
    private final DaysOff daysOff;
    private final CurrentUser currentUser;

    OfferingAccess(org.baeum.catalog.CatalogService catalog, InstructorRosters rosters, DaysOff daysOff,
                   CurrentUser currentUser) {
        this.catalog = catalog;
        this.rosters = rosters;
        this.daysOff = daysOff;
        this.currentUser = currentUser;
    }

    /** An offering the caller may work, and whether as STAFF (or ADMIN) rather than as its instructor. */
    record Opened(Offering offering, BaeumUser user, boolean staff) {
    }

    /**
     * The offering, if the caller teaches it or is STAFF or ADMIN.
     *
     * @throws AccessDeniedException for anyone else (other instructors, citizens) and for an unknown offering
     */
    Opened open(OfferingId id) {
        BaeumUser user = currentUser.require();
        boolean staff = user.hasRole(Role.STAFF) || user.hasRole(Role.ADMIN);
        Offering o = catalog.offering(id).orElse(null);
        if (o != null && (staff || teaches(o, user))) {
            return new Opened(o, user, staff);
        }
        log.warn("Account {} was refused the attendance of offering {}", user.accountId(), id.value());
        throw new AccessDeniedException("Not your class");
    }

    static boolean teaches(Offering o, BaeumUser user) {
        return user.hasRole(Role.INSTRUCTOR)
                && o.program().instructors().stream().anyMatch(i -> i.accountId().equals(user.accountId()));
    }

    /** The enrolled participants, by name (names, age bands and masked contacts only). */
    List<RosterEntry> roster(Opened opened) {
        return opened.staff() ? rosters.staffRoster(opened.offering().id()) : rosters.roster(opened.offering().id());
    }

    /**
     * The session days that count: the planned ones (holidays and closures known then already skipped) less those a
     * closure of every branch, the branch or the room now closes.
     */
    List<LocalDate> sessions(Offering o) {
        List<LocalDate> planned = o.sessionDates();
        if (planned.isEmpty() || o.program().branchId() == null) {
            return planned;
        }
        DaysOffCalendar calendar = daysOff.between(planned.getFirst(), planned.getLast());
        Place place = Place.room(o.program().branchId().value(),
                o.roomId() == null || o.roomId().isBlank() ? null : o.roomId());
        return planned.stream().filter(d -> calendar.closure(d, place).isEmpty()).toList();
    }
}
