package org.baeum.enrollment;

import java.time.Instant;

/**
 * How much of a paid fee comes back when an enrolment is cancelled (configurable: {@code baeum.enrollment.*}).
 * Before the first session starts: everything. After it: the share of sessions not yet held, less
 * {@code deductionPercent} (default 10 %), rounded down to 10 KRW; nothing once the last session has started.
 */
public record RefundPolicy(int deductionPercent) {

    public RefundPolicy {
        if (deductionPercent < 0 || deductionPercent > 100) {
            throw new IllegalArgumentException("deductionPercent must be 0-100");
        }
    }

    /**
     * @param paid          what was paid
     * @param sessionStarts the start of every session, ascending
     * @param at            when the cancellation happens
     */
    public long refund(long paid, java.util.List<Instant> sessionStarts, Instant at) {
        if (paid <= 0) {
            return 0;
        }
        if (sessionStarts.isEmpty() || at.isBefore(sessionStarts.getFirst())) {
            return paid;
        }
        long notYetHeld = sessionStarts.stream().filter(at::isBefore).count();
        if (notYetHeld == 0) {
            return 0;
        }
        // paid × notYetHeld / total × (100 − deduction) / 100, in exact integer arithmetic, then down to 10 KRW
        long share = Math.multiplyExact(Math.multiplyExact(paid, notYetHeld), 100 - deductionPercent)
                / (sessionStarts.size() * 100L);
        return Fee.roundDown10(share);
    }
}
