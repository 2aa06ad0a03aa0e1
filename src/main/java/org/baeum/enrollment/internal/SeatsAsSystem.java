package org.baeum.enrollment.internal;

import java.util.List;
import java.util.Optional;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;

/**
 * The seat ledger as enrolment uses it. The ledger's writes are the portal's own ({@link SystemIdentity#ONLY}): no
 * view or API call may take or free a seat. Enrolment checks its caller (the citizen, staff, a job) and its rules, then
 * moves seats through this class, which acts as the system.
 */
@org.springframework.stereotype.Component
final class SeatsAsSystem {

    private final SeatLedger seats;

    SeatsAsSystem(SeatLedger seats) {
        this.seats = seats;
    }

    Optional<SeatLedger.Seats> claimAll(OfferingId offering, List<String> holders) {
        return SystemIdentity.call(() -> seats.claimAll(offering, holders));
    }

    Optional<SeatLedger.Seats> join(OfferingId offering, int count) {
        return SystemIdentity.call(() -> seats.join(offering, count));
    }

    Optional<SeatLedger.Seats> queue(OfferingId offering, int count) {
        return SystemIdentity.call(() -> seats.queue(offering, count));
    }

    /** Whether {@code holder} holds one of the offering's seats (a retried placement after a crash). */
    boolean holds(OfferingId offering, String holder) {
        return ledger(offering).map(l -> l.holders().stream().anyMatch(h -> h.id().equals(holder))).orElse(false);
    }

    Optional<SeatLedger.Seats> hold(OfferingId offering, String holder) {
        return SystemIdentity.call(() -> seats.hold(offering, holder));
    }

    Optional<SeatLedger.Seats> release(OfferingId offering, String holder) {
        return SystemIdentity.call(() -> seats.release(offering, holder));
    }

    void confirm(OfferingId offering, String holder) {
        SystemIdentity.run(() -> seats.confirm(offering, holder));
    }

    void waitlistShrank(OfferingId offering, int by) {
        SystemIdentity.run(() -> seats.waitlistShrank(offering, by));
    }

    Optional<SeatLedger.Seats> counters(OfferingId offering) {
        return seats.counters(offering);
    }

    Optional<SeatLedger.Ledger> ledger(OfferingId offering) {
        return SystemIdentity.call(() -> seats.ledger(offering));
    }

    List<OfferingId> needingAttention(int limit) {
        return SystemIdentity.call(() -> seats.needingAttention(limit));
    }
}
