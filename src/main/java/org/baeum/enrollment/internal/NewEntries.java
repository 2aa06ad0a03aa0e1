package org.baeum.enrollment.internal;

import java.time.Instant;
import java.util.List;
import org.baeum.account.Participant;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.PaymentState;

/** The documents of new entries as a seat decision makes them: enrolled at once, or waiting with a ticket. */
final class NewEntries {

    private NewEntries() {
    }

    static EnrollmentDocument enrolled(SeatDecider.Command c, String id, String idem, Fee fee, Instant now) {
        return document(c, id, idem, fee, EnrollmentStatus.ENROLLED, null, null, null, now, now,
                new HistoryItem(now, "ENROLLED", c.actorId(), null));
    }

    static EnrollmentDocument waiting(SeatDecider.Command c, String id, String idem, Fee fee, long ticket, int position,
                                      Instant now) {
        return document(c, id, idem, fee, EnrollmentStatus.WAITLISTED, ticket, (double) ticket, position, now, null,
                new HistoryItem(now, "WAITLISTED", c.actorId(), Integer.toString(position)));
    }

    private static EnrollmentDocument document(SeatDecider.Command c, String id, String idem, Fee fee,
                                               EnrollmentStatus status, Long ticket, Double rank, Integer position,
                                               Instant now, Instant enrolledAt, HistoryItem first) {
        Offering o = c.offering();
        Participant p = c.participant();
        return new EnrollmentDocument(id, o.id().value(), o.termId().value(), o.program().titleKo(),
                o.program().titleEn(), p.id().value(), p.household().value(), p.name(), status,
                EnrollmentRepository.activeKey(o.id().value(), p.id().value()), idem, ticket, rank, position, null, null,
                fee.base(), fee.reductionCode(), fee.reductionNameKo(), fee.reductionNameEn(), fee.reductionPercent(),
                fee.amount(), fee.amount() == 0 ? PaymentState.WAIVED : PaymentState.UNPAID, 0, null, now,
                enrolledAt, null, null, c.actorId(), c.assisted(), null, List.of(first));
    }
}
