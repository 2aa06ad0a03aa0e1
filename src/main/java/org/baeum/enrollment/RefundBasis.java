package org.baeum.enrollment;

/**
 * How an offering's fee is refunded when the learner quits (평생교육법 시행령 별표 3); set per offering, translated as
 * {@code refund.basis.<NAME>}. A closure or cancellation by the centre is refunded by day whatever the basis (제1호).
 */
public enum RefundBasis {
    /** By period (기간 단위, 제2호 가·나): all before the start, then 2/3, 1/2 or nothing by class time, month by month. */
    PERIOD,
    /** By sessions (회차 단위, 비고 5, since 2024-04-19): the fee × the sessions not yet held / all sessions. */
    SESSIONS;

    /** What an offering uses until staff choose otherwise. */
    public static final RefundBasis DEFAULT = PERIOD;

    public String messageKey() {
        return "refund.basis." + name();
    }
}
