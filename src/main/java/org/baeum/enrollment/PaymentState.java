package org.baeum.enrollment;

/** The fee's state; translated as {@code enrollment.payment.<NAME>}. */
public enum PaymentState {
    /** To be paid (at the desk). */
    UNPAID,
    /** Staff recorded the payment. */
    PAID,
    /** Nothing to pay: a free class, a full reduction, or staff waived it. */
    WAIVED,
    /** Paid, then cancelled: the refund amount is owed to (or was paid back to) the citizen. */
    REFUNDED
}
