package org.baeum.enrollment;

/**
 * Which step of the statutory rule (평생교육법 시행령 제23조, 별표 3) gave a {@link Refund}, so that screens, mail and
 * the API can say why. Translated as {@code refund.step.<NAME>} with the refund's
 * {@link Refund#messageArguments() arguments}: for the {@code MONTHLY_} steps {0} is the month in which the reason
 * fell and {1} the months the fee covers; for {@link #REMAINING_SESSIONS} the sessions not yet held and all
 * sessions; for {@link #CENTRE_PRO_RATA_DAYS} the class days not provided and all class days.
 */
public enum RefundStep {
    /** Nothing was paid (a free class or a full reduction): nothing to refund. */
    FREE_NONE,
    /** 제2호 가 1) / 나 1): the learner quits before the first session starts: everything paid. */
    BEFORE_START_ALL,
    /** 제2호 가 2): less than a third of the class time has passed: 2/3 of the fee. */
    BEFORE_THIRD_TWO_THIRDS,
    /** 제2호 가 3): a third, but less than half of the class time has passed: 1/2 of the fee. */
    BEFORE_HALF_HALF,
    /** 제2호 가 4): half of the class time or more has passed: nothing. */
    AFTER_HALF_NONE,
    /** 제2호 나 2): a course of more than a month; that month's classes have not started: that month and the rest. */
    MONTHLY_MONTH_NOT_STARTED_ALL,
    /** 제2호 나 2): less than a third of that month's class time has passed: 2/3 of that month, the rest whole. */
    MONTHLY_BEFORE_THIRD_TWO_THIRDS,
    /** 제2호 나 2): a third but less than half of that month's class time has passed: 1/2 of it, the rest whole. */
    MONTHLY_BEFORE_HALF_HALF,
    /** 제2호 나 2): half of that month's class time or more has passed: nothing of it, the later months whole. */
    MONTHLY_AFTER_HALF_NONE,
    /** 비고 5: a course organised by sessions: the fee × the sessions not yet held / all sessions. */
    REMAINING_SESSIONS,
    /** 제1호: the centre cannot hold the class (closure, cancellation): the fee pro rata by the class days not given. */
    CENTRE_PRO_RATA_DAYS;

    public String messageKey() {
        return "refund.step." + name();
    }

    /** Whether the fee was split into months (제2호 나). */
    public boolean monthly() {
        return name().startsWith("MONTHLY_");
    }
}
