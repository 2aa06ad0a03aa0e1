package org.baeum.booking.club;

/** Where a club's recurring slot stands; translated as {@code club.series.status.<NAME>}. */
public enum SeriesStatus {
    /** Requested by the leader, checked against classes and days off, waiting for STAFF. */
    REQUESTED,
    /** Approved: each day's booking is placed (CONFIRMED, with the club's id). */
    APPROVED,
    /** STAFF refused it, with a reason. */
    REFUSED,
    /** STAFF ended it early: its bookings from then on were cancelled. */
    ENDED
}
