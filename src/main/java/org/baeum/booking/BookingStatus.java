package org.baeum.booking;

/** Where a booking stands; translated as {@code booking.status.<NAME>}. */
public enum BookingStatus {
    /** Waiting for STAFF's approval (auditorium, gallery, a club's recurring slots); holds its slot meanwhile. */
    REQUESTED,
    /** Booked: the slot is the booker's. */
    CONFIRMED,
    /** Checked in at the desk or by the booker within the first 15 minutes. */
    CHECKED_IN,
    /** Cancelled by the booker, or by STAFF, or by a closure: the slot went back. */
    CANCELLED,
    /** Not checked in within 15 minutes: the slot went back and the booker got a no-show mark. */
    NO_SHOW,
    /** STAFF refused the request. */
    REFUSED;

    /** Holds its slot. */
    public boolean active() {
        return this == REQUESTED || this == CONFIRMED || this == CHECKED_IN;
    }
}
