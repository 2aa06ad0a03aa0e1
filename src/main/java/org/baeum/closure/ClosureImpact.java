package org.baeum.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Everything a closure changes, listed before STAFF confirm it; the apply step changes exactly this and mails each
 * affected person once. API shape (extend, never rename): {@code {"sessions": […], "bookings": […], "offers": […],
 * "people": n}}.
 *
 * @param people distinct people (accounts) who get a {@code CLOSURE_NOTICE}
 */
public record ClosureImpact(List<SessionHit> sessions, List<BookingHit> bookings, List<OfferHit> offers,
                            List<ClubSlotHit> clubSlots, int people) {

    public ClosureImpact {
        sessions = List.copyOf(sessions);
        bookings = List.copyOf(bookings);
        offers = List.copyOf(offers);
        clubSlots = List.copyOf(clubSlots);
    }

    /**
     * A class session in the closure. {@code choice} is STAFF's (null until chosen); {@code makeUp} the proposed date
     * (with the same hours) when moved, null when none was found or for CANCEL; {@code refund} what each participant
     * who paid in full gets back when cancelled (won), 0 for MOVE.
     */
    public record SessionHit(String offeringId, String title, LocalDate date, LocalTime start, LocalTime end,
                             int participants, SessionChoice choice, LocalDate makeUp, long refund) {
    }

    /** A booking in the closure: cancelled. {@code person} is masked as elsewhere for STAFF lists. */
    public record BookingHit(String bookingId, String bookableId, String bookable, LocalDate date, LocalTime start,
                             LocalTime end, String person) {
    }

    /** An open waitlist offer whose deadline falls in the closure: its deadline moves to {@code newDeadline}. */
    public record OfferHit(String enrollmentId, String offeringId, String title, Instant deadline, Instant newDeadline) {
    }

    /** A learning club's recurring slot on a day of the closure: that day's booking is cancelled. */
    public record ClubSlotHit(String clubId, String club, String bookingId, LocalDate date, LocalTime start,
                              LocalTime end) {
    }
}
