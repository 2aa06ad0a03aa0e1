package org.baeum.enrollment;

/**
 * Where an enrolment stands; translated as {@code enrollment.status.<NAME>}. ENROLLED and OFFERED hold a seat;
 * ENROLLED, WAITLISTED and OFFERED are active (one active entry per participant and offering).
 */
public enum EnrollmentStatus {
    /** Has a seat (신청 완료). */
    ENROLLED,
    /** Waits for a seat (대기). */
    WAITLISTED,
    /** A seat is held for them until a deadline (제안). */
    OFFERED,
    /** Cancelled by the citizen or by staff after enrolling (취소). */
    CANCELLED,
    /** Left the waitlist. */
    LEFT,
    /** Declined an offer. */
    DECLINED,
    /** Let an offer run out. */
    EXPIRED,
    /** Released because the fee was not paid by the deadline. */
    RELEASED,
    /** An offer that staff ended before the citizen answered, with a reason (제안 취소). */
    WITHDRAWN;

    public boolean holdsSeat() {
        return this == ENROLLED || this == OFFERED;
    }

    public boolean active() {
        return this == ENROLLED || this == WAITLISTED || this == OFFERED;
    }
}
