package org.baeum.enrollment.internal;

import java.time.Instant;
import java.util.List;
import org.baeum.account.Participant;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.ParticipationFacts;
import org.baeum.enrollment.PaymentState;

/**
 * The documents of new entries as a seat decision makes them: enrolled at once, or waiting with a ticket; each with
 * the reporting facts {@link EntryFacts} made for it.
 */
final class NewEntries {

    private NewEntries() {
    }

    static EnrollmentDocument enrolled(SeatDecider.Command c, String id, String idem, Fee fee, ParticipationFacts facts,
                                       Instant now) {
        return document(c, id, idem, fee, facts, EnrollmentStatus.ENROLLED, null, null, null, now, now,
                new HistoryItem(now, "ENROLLED", c.actorId(), null));
    }

    static EnrollmentDocument waiting(SeatDecider.Command c, String id, String idem, Fee fee, ParticipationFacts facts,
                                      long ticket, int position, Instant now) {
        return document(c, id, idem, fee, facts, EnrollmentStatus.WAITLISTED, ticket, (double) ticket, position, now, null,
                new HistoryItem(now, "WAITLISTED", c.actorId(), Integer.toString(position)));
    }

    /**
     * A seat held until {@code deadline} for a draw's winner (decision 0029); {@code number} is the application's public
     * number, kept in the history.
     */
    static EnrollmentDocument drawnOffered(SeatDecider.Command c, String id, Fee fee, ParticipationFacts facts,
                                           Instant deadline, String number, Instant now) {
        EnrollmentDocument d = document(c, id, null, fee, facts, EnrollmentStatus.OFFERED, null, null, null, now, null,
                new HistoryItem(now, "DRAWN_WON", c.actorId(), number));
        return withOffer(d, now, deadline);
    }

    /** A draw's loser waiting in draw order with {@code ticket} (decision 0029). */
    static EnrollmentDocument drawnWaiting(SeatDecider.Command c, String id, Fee fee, ParticipationFacts facts,
                                           long ticket, int position, String number, Instant now) {
        return document(c, id, null, fee, facts, EnrollmentStatus.WAITLISTED, ticket, (double) ticket, position, now, null,
                new HistoryItem(now, "DRAWN_WAITING", c.actorId(), number + " → " + position));
    }

    private static EnrollmentDocument withOffer(EnrollmentDocument d, Instant at, Instant until) {
        return new EnrollmentDocument(d.id(), d.offeringId(), d.termId(), d.offeringTitleKo(), d.offeringTitleEn(),
                d.participantId(), d.householdId(), d.participantName(), d.status(), d.activeKey(), d.idemKey(), d.ticket(),
                d.rank(), d.positionAtJoin(), at, until, d.baseFee(), d.reductionCode(), d.reductionNameKo(),
                d.reductionNameEn(), d.reductionPercent(), d.amount(), d.payment(), d.refundAmount(), d.refund(),
                d.createdAt(), d.enrolledAt(), d.endedAt(), d.endReason(), d.actorId(), d.assisted(),
                d.seatReleasePending(), d.history(), d.facts());
    }

    private static EnrollmentDocument document(SeatDecider.Command c, String id, String idem, Fee fee,
                                               ParticipationFacts facts,
                                               EnrollmentStatus status, Long ticket, Double rank, Integer position,
                                               Instant now, Instant enrolledAt, HistoryItem first) {
        Offering o = c.offering();
        Participant p = c.participant();
        return new EnrollmentDocument(id, o.id().value(), o.termId().value(), o.program().titleKo(),
                o.program().titleEn(), p.id().value(), p.household().value(), p.name(), status,
                EnrollmentRepository.activeKey(o.id().value(), p.id().value()), idem, ticket, rank, position, null, null,
                fee.base(), fee.reductionCode(), fee.reductionNameKo(), fee.reductionNameEn(), fee.reductionPercent(),
                fee.amount(), fee.amount() == 0 ? PaymentState.WAIVED : PaymentState.UNPAID, 0, null, now,
                enrolledAt, null, null, c.actorId(), c.assisted(), null, List.of(first), facts);
    }
}
