package org.baeum.enrollment;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What comes back of a paid fee, and which step of the statutory rule gave it ({@link StatutoryRefund}).
 *
 * @param amount    in whole won, 0 ≤ amount ≤ paid; a share of the fee is rounded down to 10 won, everything paid is
 *                  everything paid
 * @param step      the step of 별표 3 that gave it (show it with {@code step.messageKey()} and
 *                  {@link #messageArguments()})
 * @param dueBy     the last day to pay it back: {@code reasonDay} + 5 days (시행령 제23조); {@code null} when nothing is
 *                  owed
 * @param reasonDay the day the reason arose (the day the learner quit, or the first day the centre could not hold the
 *                  class), in Asia/Seoul
 * @param paid      what was paid
 * @param count     the month in which the reason fell ({@code MONTHLY_} steps), the sessions not yet held
 *                  ({@link RefundStep#REMAINING_SESSIONS}) or the class days not provided
 *                  ({@link RefundStep#CENTRE_PRO_RATA_DAYS}); otherwise 0
 * @param outOf     the months the fee covers, all sessions, or all class days, as for {@code count}; otherwise 0
 */
public record Refund(long amount, RefundStep step, LocalDate dueBy, LocalDate reasonDay, long paid, int count,
                     int outOf) {

    /** Days after its reason by which a refund must be paid (평생교육법 시행령 제23조: 5일 이내). */
    public static final int DUE_WITHIN_DAYS = 5;

    public Refund {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reasonDay, "reasonDay");
        if (paid < 0 || amount < 0 || amount > paid) {
            throw new IllegalArgumentException("Impossible refund " + amount + " of " + paid);
        }
        if ((amount > 0) != (dueBy != null)) {
            throw new IllegalArgumentException("A refund owed has a due date, and only then");
        }
        if (count < 0 || outOf < 0 || count > outOf) {
            throw new IllegalArgumentException("Impossible share " + count + "/" + outOf);
        }
    }

    /** A refund of {@code amount} for a reason that arose on {@code reasonDay}, due {@value #DUE_WITHIN_DAYS} days later. */
    static Refund of(long amount, RefundStep step, LocalDate reasonDay, long paid, int count, int outOf) {
        return new Refund(amount, step, amount > 0 ? reasonDay.plusDays(DUE_WITHIN_DAYS) : null, reasonDay, paid,
                count, outOf);
    }

    /** Whether anything is owed. */
    public boolean owed() {
        return amount > 0;
    }

    /** The parameters of {@code step.messageKey()}: {@code {count, outOf}}. */
    public Object[] messageArguments() {
        return new Object[] {count, outOf};
    }
}
