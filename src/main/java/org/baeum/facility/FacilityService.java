package org.baeum.facility;

import java.util.List;
import org.baeum.facility.internal.FacilityRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The facility feature's API: the pool and the gym now; memberships, slots and bookings next. */
@Service
public class FacilityService {

    private final FacilityRepository facilities;

    FacilityService(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    /** Every facility; public information. */
    @PreAuthorize("permitAll()")
    public List<Facility> facilities() {
        return facilities.findAll();
    }
}
