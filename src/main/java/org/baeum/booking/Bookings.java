package org.baeum.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Booking, cancelling, checking in, no-shows (decision 0042). Implemented in {@code booking.internal}; every method
 * checks the caller there: a citizen acts for their own household only (another household's booking is refused
 * exactly as one that does not exist); STAFF/ADMIN for anyone. A slot is never given twice (the capacity ledger's
 * guarded updates) and quotas hold under parallel requests of the same person.
 */
public interface Bookings {

    /**
     * Books a slot for the signed-in citizen's household member: CONFIRMED, or REQUESTED for kinds STAFF approve.
     *
     * @throws BookingRefusedException taken, quota, banned (with the ban's last day), closed, conflict (a class),
     *                                 not bookable, group size; nothing was stored
     */
    Booking book(BookingRequest request);

    /**
     * Cancels one of the household's bookings until {@link Booking#cancelUntil} (the resource's deadline; a whole day
     * booked after it began, until its check-in window closes); STAFF any, any time before it ends (the household is
     * mailed).
     */
    Booking cancel(String bookingId);

    /** The household's bookings from {@code from} on, soonest first (a citizen's "my bookings"). */
    List<Booking> mine(LocalDate from);

    /**
     * One booking: the household's own (code whole), or any for STAFF (code {@linkplain Booking#masked() masked});
     * empty otherwise (never tells whether it exists).
     */
    Optional<Booking> booking(String bookingId);

    /**
     * Checks a booking in: the booker from the start until the grace minutes after it, from the portal; STAFF at the
     * desk from 30 minutes before the start until the end.
     *
     * @throws BookingRefusedException TOO_LATE (or too early), or when it is not active
     */
    Booking checkIn(String bookingId);

    /** STAFF approve a REQUESTED booking (auditorium, gallery): CONFIRMED. */
    Booking approve(String bookingId);

    /** STAFF refuse a REQUESTED booking, with a reason the requester is mailed: REFUSED, the slot goes back. */
    Booking refuse(String bookingId, String reason);

    /** Requests waiting for STAFF's decision, oldest first (STAFF/ADMIN), codes masked. */
    List<Booking> requests();

    /** Bookings of a resource on a day, with who booked (STAFF/ADMIN, access-logged), codes masked. */
    List<Booking> ofDay(String bookableId, LocalDate date);

    /** The signed-in citizen's participant's standing (marks, ban); a household member's only. */
    Standing standing(String participantId);

    /** The no-show rule now in force; public (shown to citizens). */
    NoShowRule noShowRule();

    /** STAFF/ADMIN change the no-show rule; checked per field, logged with who did it. */
    NoShowRule changeNoShowRule(NoShowRule rule);

    /**
     * Places a booking as the portal ({@code SystemIdentity.ONLY}) after the caller checked its own rules, e.g. a
     * learning club's approved recurring slot: still refused when taken, closed or a class meets there, but no quota,
     * ban or horizon applies. {@code status} CONFIRMED or REQUESTED.
     */
    Booking place(BookingRequest request, String accountId, String clubId, BookingStatus status);

    /**
     * Active bookings between two days (inclusive) that a closure of a place meets: with {@code bookableId} that
     * resource; else with {@code roomId} the resources in that catalog room; else with {@code branchId} every resource
     * of the branch; else all. {@code from}/{@code to} null for whole days, else the hours closed each day.
     * STAFF/ADMIN and the portal; codes masked.
     */
    List<Booking> within(String branchId, String roomId, String bookableId, LocalDate firstDay, LocalDate lastDay,
                         java.time.LocalTime from, java.time.LocalTime to);

    /**
     * Cancels a booking because of a closure, as the portal: its slot goes back; no mail (the closure mails once per
     * person); done at most once (a second call answers the booking as it is).
     */
    Booking cancelForClosure(String bookingId, String closurePlanId);
}
