package org.baeum.booking.club;

/** Where a learning club stands; translated as {@code club.status.<NAME>}. */
public enum ClubStatus {
    /** Registered by its leader, waiting for STAFF. */
    REGISTERED,
    /** STAFF approved it: its leader may request recurring slots. */
    APPROVED,
    /** STAFF refused it, with a reason. */
    REFUSED
}
