package org.baeum.enrollment.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.baeum.enrollment.Refund;
import org.baeum.enrollment.RefundStep;

/**
 * The refund an ending recorded, as stored in the entry's {@code refund} field: how much, which step of the statutory
 * rule gave it (with its count/outOf), the day of its reason and the day it is due by, and when staff paid it out.
 */
public record RefundDocument(long amount, RefundStep step, int count, int outOf, long paid, LocalDate reasonDay,
                             LocalDate dueBy, Instant paidOutAt) {

    static RefundDocument of(Refund r) {
        return new RefundDocument(r.amount(), r.step(), r.count(), r.outOf(), r.paid(), r.reasonDay(), r.dueBy(), null);
    }

    /** The rule's answer as it was recorded. */
    public Refund refund() {
        return new Refund(amount, step, dueBy, reasonDay, paid, count, outOf);
    }
}
