package org.baeum.catalog;

import java.util.List;
import java.util.Optional;
import org.baeum.base.security.SystemIdentity;
import org.baeum.capacity.CapacityLedger;
import org.baeum.capacity.Counters;
import org.baeum.capacity.Holdings;
import org.baeum.catalog.internal.OfferingSeats;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The seats of an offering, for the enrolment feature (its only user, see ArchitectureTest): the capacity ledger's
 * {@linkplain OfferingSeats offering kind} (decision 0023), whose every change is one guarded, atomic update of the
 * offering, so seats are never counted twice or handed out beyond the capacity, and each taken seat names its holder
 * (an enrolment id), so giving a seat back happens exactly once (decision 0015). Enrolment decides who gets a seat;
 * this class only keeps the count honest.
 */
@Service
public class SeatLedger {
    // Writes are the portal's own (SystemIdentity.ONLY): enrolment checks its caller and rules, then moves seats as the
    // system. Reading the counters is for anyone signed in; the holders (entry ids) are for staff and the system.

    /** The seat counters of an offering right after a change. */
    public record Seats(int capacity, int taken, int left, int waitlistLength, long waitlistSeq, boolean waitlistDecides) {
    }

    /** A taken seat: who holds it, since when, and whether the recovery sweep has checked it. */
    public record Holder(String id, java.time.Instant at, boolean confirmed) {
    }

    /** An offering's seats with every holder, for the recovery sweep and staff. */
    public record Ledger(OfferingId offering, Seats seats, List<Holder> holders, boolean published) {
    }

    private final CapacityLedger ledger;

    SeatLedger(CapacityLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Takes a free seat first come, first served: only while the offering recruits and no one has had to wait yet.
     * Empty when no seat could be taken (full, waitlist decides, window closed, or {@code holder} has one already).
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Seats> claim(OfferingId offering, String holder) {
        return ledger.claim(OfferingSeats.of(offering.value()), holder).map(SeatLedger::seats);
    }

    /**
     * First come for several at once: a free seat for each of {@code holders}, all or none (see {@link #claim}).
     * Empty when fewer seats are free than holders, or when {@link #claim} would refuse.
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Seats> claimAll(OfferingId offering, List<String> holders) {
        return ledger.claimAll(OfferingSeats.of(offering.value()), holders).map(SeatLedger::seats);
    }

    /**
     * Issues the next {@code count} waitlist tickets at once, under the guard of {@link #join(OfferingId)}: the
     * tickets are {@code waitlistSeq - count + 1 .. waitlistSeq} of the result and the positions at joining
     * {@code waitlistLength - count + 1 .. waitlistLength}, in that order.
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Seats> join(OfferingId offering, int count) {
        return ledger.join(OfferingSeats.of(offering.value()), count).map(SeatLedger::seats);
    }

    /** The seat counters as they are now, without the holders. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Seats> counters(OfferingId offering) {
        return ledger.counters(OfferingSeats.of(offering.value())).map(SeatLedger::seats);
    }

    /**
     * Issues the next waitlist ticket: only while the offering recruits and either no seat is free or the waitlist
     * already decides. Empty otherwise (a seat is free for first come, or the window is closed). The returned
     * {@link Seats#waitlistSeq()} is the ticket and {@link Seats#waitlistLength()} the position at joining.
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Seats> join(OfferingId offering) {
        return join(offering, 1);
    }

    /**
     * Issues the next {@code count} waitlist tickets while the offering is published, outside its recruitment phases
     * too: the applicants a draw did not seat wait in draw order (decision 0029). Tickets as for {@link #join(OfferingId, int)}.
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Seats> queue(OfferingId offering, int count) {
        return ledger.queue(OfferingSeats.of(offering.value()), count).map(SeatLedger::seats);
    }

    /** Holds a free seat for {@code holder} (an offer to a waiting person); empty when none is free. */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Seats> hold(OfferingId offering, String holder) {
        return ledger.hold(OfferingSeats.of(offering.value()), holder).map(SeatLedger::seats);
    }

    /** Gives back the seat {@code holder} holds; empty (and nothing changes) when it holds none. */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Seats> release(OfferingId offering, String holder) {
        return ledger.release(OfferingSeats.of(offering.value()), holder).map(SeatLedger::seats);
    }

    /** Records that the sweep found {@code holder}'s record holding the seat. */
    @PreAuthorize(SystemIdentity.ONLY)
    public void confirm(OfferingId offering, String holder) {
        ledger.confirm(OfferingSeats.of(offering.value()), holder);
    }

    /** People stopped waiting (display counter). */
    @PreAuthorize(SystemIdentity.ONLY)
    public void waitlistShrank(OfferingId offering, int by) {
        ledger.waitlistShrank(OfferingSeats.of(offering.value()), by);
    }

    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Optional<Ledger> ledger(OfferingId offering) {
        return ledger.holders(OfferingSeats.of(offering.value())).map(SeatLedger::ledger);
    }

    /** Offerings the recovery sweep should look at: unchecked holders, or free seats while the waitlist decides. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<OfferingId> needingAttention(int limit) {
        return ledger.needingAttention(OfferingSeats.KIND, limit).stream().map(k -> new OfferingId(k.id())).toList();
    }

    static Seats seats(Counters c) {
        return new Seats(c.capacity(), c.taken(), c.left(), c.waitlistLength(), c.waitlistSeq(), c.waitlistDecides());
    }

    private static Ledger ledger(Holdings h) {
        List<Holder> holders = h.holders().stream().map(x -> new Holder(x.id(), x.at(), x.confirmed())).toList();
        return new Ledger(new OfferingId(h.key().id()), seats(h.counters()), holders, h.available());
    }
}
