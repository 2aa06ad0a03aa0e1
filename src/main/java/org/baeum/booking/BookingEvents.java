package org.baeum.booking;

/**
 * Past-tense events of the booking feature, published after the change is stored. They carry the booking with its
 * code {@linkplain Booking#masked() masked}: no listener needs the code, and none can put it in a mail by mistake.
 */
public final class BookingEvents {

    private BookingEvents() {
    }

    /** A booking was made: by a citizen ({@code club} null), or placed by the portal for a learning club. */
    public record BookingPlaced(Booking booking) {
    }

    /** STAFF approved (CONFIRMED) or refused (REFUSED, with their reason) a request. */
    public record BookingDecided(Booking booking, String reason) {
    }

    /** Why a booking was cancelled. */
    public enum CancelledBy {
        /** The household itself (the citizen who booked or a member of the household). */
        BOOKER,
        /** STAFF for the household (at the desk, on the day list, or by ending a club's series). */
        STAFF,
        /** The portal: a request STAFF did not decide before its start. */
        EXPIRED,
        /** A closure (its own {@code CLOSURE_NOTICE} tells the person). */
        CLOSURE
    }

    /** A booking was cancelled; its slot and quota went back. */
    public record BookingCancelled(Booking booking, CancelledBy by) {
    }
}
