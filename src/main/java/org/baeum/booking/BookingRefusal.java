package org.baeum.booking;

/**
 * Why a booking was refused; translated as {@code booking.refusal.<NAME>}. The first four are the API's 409 reasons
 * ({@code taken}, {@code quota}, {@code banned}, {@code closed}); the rest are bad requests (400 at a field).
 */
public enum BookingRefusal {
    TAKEN,
    QUOTA,
    BANNED,
    CLOSED,
    /** A class session in the room, or the club's series clashes with one. */
    CONFLICT,
    /** Before now, beyond the horizon, outside the hours or not on the slot grid. */
    NOT_BOOKABLE,
    /** Group size outside the resource's minimum and maximum. */
    GROUP_SIZE,
    /** Too late to cancel, or the booking cannot change in its status. */
    TOO_LATE;

    /** The reason in the API's 409 answers, e.g. {@code taken}. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
