package org.baeum.enrollment;

import java.time.Duration;
import java.time.Instant;

/**
 * What STAFF set per offering for enrolment: how long an offer holds a seat, and an optional payment deadline after
 * which unpaid enrolments are released, and how a refund is worked out: by period or by the sessions left (평생교육법
 * 시행령 별표 3 비고 5).
 */
public record OfferingRules(Duration offerHold, Instant paymentDeadline, RefundBasis refundBasis) {

    public OfferingRules {
        refundBasis = refundBasis == null ? RefundBasis.DEFAULT : refundBasis;
    }

    /** Rules with the default refund basis (by period, 별표 3 제2호). */
    public OfferingRules(Duration offerHold, Instant paymentDeadline) {
        this(offerHold, paymentDeadline, RefundBasis.DEFAULT);
    }
}
