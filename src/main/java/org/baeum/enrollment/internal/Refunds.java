package org.baeum.enrollment.internal;

import java.time.Instant;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.PaymentState;
import org.baeum.enrollment.RefundPolicy;
import org.springframework.stereotype.Component;

/** What a paid enrolment that ends is owed back. */
@Component
public class Refunds {

    private final EnrollmentSettings settings;

    Refunds(EnrollmentSettings settings) {
        this.settings = settings;
    }

    /** The refund if {@code e} were cancelled at {@code at}: zero unless it is a paid enrolment. */
    public long quote(EnrollmentDocument e, Offering o, Instant at) {
        if (e.status() != EnrollmentStatus.ENROLLED || e.payment() != PaymentState.PAID) {
            return 0;
        }
        return new RefundPolicy(settings.refundDeductionPercent()).refund(e.amount(), OfferPolicy.sessionStarts(o), at);
    }

    /** The refund recorded with an ending at {@code now}; null when nothing was paid. */
    EnrollmentRepository.RefundDue onEnding(EnrollmentDocument e, Offering o, Instant now) {
        if (e.status() != EnrollmentStatus.ENROLLED || e.payment() != PaymentState.PAID) {
            return null;
        }
        return new EnrollmentRepository.RefundDue(quote(e, o, now), null, null);
    }
}
