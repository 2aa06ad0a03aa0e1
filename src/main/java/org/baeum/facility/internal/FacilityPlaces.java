package org.baeum.facility.internal;

import java.util.List;
import org.baeum.calendar.ClosablePlace;
import org.baeum.calendar.ClosablePlaces;
import org.baeum.calendar.ClosureScope;
import org.springframework.stereotype.Component;

/** The facilities (the pool, the gym) as places the calendar may close. */
@Component
class FacilityPlaces implements ClosablePlaces {

    private final FacilityRepository facilities;

    FacilityPlaces(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    @Override
    public List<ClosablePlace> closablePlaces() {
        return facilities.findAll().stream()
                .map(f -> new ClosablePlace(ClosureScope.FACILITY, f.id(), f.branchId(), f.nameKo(), f.nameEn()))
                .toList();
    }
}
