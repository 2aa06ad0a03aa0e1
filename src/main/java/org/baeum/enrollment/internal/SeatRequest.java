package org.baeum.enrollment.internal;

import org.baeum.base.domain.DecisionBatches;

import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.ParticipationFacts;

/** A request waiting for its seat decision, and what the decision gave it. */
final class SeatRequest extends DecisionBatches.Waiting {
    final SeatDecider.Command command;
    final String id;
    final String idem;
    final Fee fee;
    final ParticipationFacts facts;
    /** The entry as decided (ENROLLED or WAITLISTED), null while undecided or when refused. */
    EnrollmentDocument doc;
    /** The seat counters right after this entry's seat or ticket was taken. */
    SeatLedger.Seats seats;
    /** The entry is stored. */
    boolean stored;
    /** The entry was refused by a unique key (a second active entry, or a replayed key that raced). */
    boolean duplicate;
    /** Why no seat or ticket could be taken (the window closed meanwhile). */
    RuntimeException refusal;

    SeatRequest(SeatDecider.Command command, String id, String idem, Fee fee, ParticipationFacts facts) {
        this.command = command;
        this.id = id;
        this.idem = idem;
        this.fee = fee;
        this.facts = facts;
    }
}
