package org.baeum.booking;

import java.time.LocalDate;

/**
 * A booking, cancellation or check-in the rules refuse; nothing was stored. {@code until} is the end of a ban (for
 * {@link BookingRefusal#BANNED}) so the citizen sees when online booking opens again; {@code detail} a translated
 * detail (the class that holds the room), else null.
 */
public class BookingRefusedException extends RuntimeException {

    private final BookingRefusal reason;
    private final LocalDate until;
    private final String detail;

    public BookingRefusedException(BookingRefusal reason, LocalDate until, String detail) {
        // an answer to the citizen, not a fault: no stack trace (a rush refuses thousands a second, decision 0048)
        super(reason.name() + (until == null ? "" : " until " + until) + (detail == null ? "" : ": " + detail), null,
                false, false);
        this.reason = reason;
        this.until = until;
        this.detail = detail;
    }

    public BookingRefusedException(BookingRefusal reason) {
        this(reason, null, null);
    }

    public BookingRefusal reason() {
        return reason;
    }

    public LocalDate until() {
        return until;
    }

    public String detail() {
        return detail;
    }
}
