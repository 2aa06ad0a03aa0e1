package org.baeum.booking.internal;

import java.util.List;
import org.baeum.calendar.ClosablePlace;
import org.baeum.calendar.ClosablePlaces;
import org.baeum.calendar.ClosureScope;
import org.springframework.stereotype.Component;

/**
 * The resources without a catalog room (study and digital seats, study rooms) as places the calendar may close, scope
 * FACILITY with the resource's id; a resource in a room closes with its room.
 */
@Component
class BookingPlaces implements ClosablePlaces {

    private final BookableRepository bookables;

    BookingPlaces(BookableRepository bookables) {
        this.bookables = bookables;
    }

    @Override
    public List<ClosablePlace> closablePlaces() {
        return bookables.findAll().stream().filter(b -> b.roomId() == null)
                .map(b -> new ClosablePlace(ClosureScope.FACILITY, b.id(), b.branchId(), b.nameKo(), b.nameEn()))
                .toList();
    }
}
