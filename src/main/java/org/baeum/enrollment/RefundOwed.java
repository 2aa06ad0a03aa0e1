package org.baeum.enrollment;

import java.time.Instant;

/**
 * The refund an ending recorded for a paid enrolment, and when staff paid it out ({@code null}: still owed, due by
 * {@code refund.dueBy()}).
 */
public record RefundOwed(Refund refund, Instant paidOutAt) {

    /** Owed and not paid out yet. */
    public boolean outstanding() {
        return refund.owed() && paidOutAt == null;
    }
}
