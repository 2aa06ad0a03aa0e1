package org.baeum.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The bookable resources and their day grids (decision 0042). Reading is public; STAFF/ADMIN edit. Implemented in
 * {@code booking.internal}; every method checks the caller there.
 */
public interface Bookables {

    /** Every active resource (STAFF also see inactive ones), by branch, kind and name; public. */
    List<Bookable> bookables();

    Optional<Bookable> bookable(String id);

    /**
     * The day's grid of a resource: every slot of its hours, free or why not (taken, closed with the closure's reason,
     * a class in the room, past or beyond the horizon). Public; no one's name or booking is in it.
     *
     * @throws IllegalArgumentException for an unknown resource
     */
    List<Slot> slots(String bookableId, LocalDate date);

    /**
     * Adds or changes a resource (STAFF/ADMIN). Checked per field ({@code InvalidInputException}, nothing stored):
     * names, units ≥ 1, hours, slot length dividing the hours, horizon, quotas, group sizes; a change of units or hours
     * never takes away a slot someone holds (refused at the field with how many bookings are in the way).
     */
    Bookable save(Bookable bookable);
}
