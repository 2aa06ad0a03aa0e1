package org.baeum.enrollment.internal;

import java.time.Instant;
import java.util.Optional;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.OfferingRules;
import org.baeum.enrollment.PaymentState;
import org.baeum.enrollment.Refund;
import org.baeum.enrollment.RefundBasis;
import org.baeum.enrollment.RefundReason;
import org.baeum.enrollment.StatutoryRefund;
import org.springframework.stereotype.Component;

/**
 * What a paid enrolment that ends is owed back: the statutory rule ({@link StatutoryRefund}) with the offering's
 * basis (by period unless staff chose by sessions), for the learner quitting or the centre not holding the class.
 * Nothing was paid (unpaid, waived, free): nothing is owed, and no step is shown.
 */
@Component
public class Refunds {

    private final OfferingRulesRepository offeringRules;
    private final ClosureRefundRepository closureRefunds;

    Refunds(OfferingRulesRepository offeringRules, ClosureRefundRepository closureRefunds) {
        this.offeringRules = offeringRules;
        this.closureRefunds = closureRefunds;
    }

    /**
     * What the entry's fee still buys (decision 0046): its amount less what closures owed back already. A closure
     * takes its cancelled days out of the offering's sessions, so a later share (an ending, another closure) is of
     * this over the days left; an unpaid fee was lowered instead, so its amount is already what is left.
     */
    long feeLeft(EnrollmentDocument e) {
        return Math.max(0, e.amount() - closureRefunds.refundedTo(e.id()));
    }

    /** The refund if the learner quit at {@code at}; empty unless it is a paid enrolment. */
    public Optional<Refund> quote(EnrollmentDocument e, Offering o, Instant at) {
        return of(e, o, RefundReason.learner(at));
    }

    /** The refund for {@code reason}; empty unless it is a paid enrolment. */
    public Optional<Refund> of(EnrollmentDocument e, Offering o, RefundReason reason) {
        if (e.status() != EnrollmentStatus.ENROLLED || e.payment() != PaymentState.PAID) {
            return Optional.empty();
        }
        RefundBasis basis = offeringRules.find(o.id().value()).map(OfferingRules::refundBasis).orElse(RefundBasis.DEFAULT);
        return Optional.of(StatutoryRefund.of(feeLeft(e), basis,
                StatutoryRefund.sessions(o.sessionDates(), o.schedule().startTime(), o.schedule().endTime()), reason));
    }

    /** What an ending records; null when nothing was paid. */
    RefundDocument onEnding(EnrollmentDocument e, Offering o, RefundReason reason) {
        return of(e, o, reason).map(RefundDocument::of).orElse(null);
    }
}
