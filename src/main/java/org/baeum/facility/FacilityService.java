package org.baeum.facility;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.baeum.calendar.DayOff;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.Place;
import org.baeum.facility.internal.FacilityRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The facility feature's API: the pool and the gym now; memberships, slots and bookings next. */
@Service
public class FacilityService {

    private final FacilityRepository facilities;
    private final DaysOff daysOff;

    FacilityService(FacilityRepository facilities, DaysOff daysOff) {
        this.facilities = facilities;
        this.daysOff = daysOff;
    }

    /** Every facility; public information. */
    @PreAuthorize("permitAll()")
    public List<Facility> facilities() {
        return facilities.findAll();
    }

    /**
     * Whether the facility is closed on the day, and why, as the calendar has it: a public holiday, a closure of every
     * branch or of the facility's branch, or a closure of the facility itself (the pool closed for a week while
     * classes run in the rooms). Public information. Bookings read it.
     *
     * @return the day off, or empty when the facility is open
     * @throws IllegalArgumentException if there is no such facility, or no holiday data for the day's year
     */
    @PreAuthorize("permitAll()")
    public Optional<DayOff> closedOn(String facilityId, LocalDate day) {
        Facility facility = facilities.findById(facilityId)
                .orElseThrow(() -> new IllegalArgumentException("No facility " + facilityId));
        return daysOff.dayOff(day, Place.facility(facility.branchId(), facility.id()));
    }
}
