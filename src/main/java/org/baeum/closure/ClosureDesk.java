package org.baeum.closure;

import java.util.List;
import java.util.Optional;

/**
 * Closures with their consequences (decision 0043): the impact before confirming, then one resumable due job that
 * applies it and mails each affected person once ({@code CLOSURE_NOTICE}, in their language). STAFF and ADMIN only;
 * every method checks the caller ({@code @PreAuthorize} on the implementation).
 */
public interface ClosureDesk {

    /** What the closure would change; stores nothing. Bad input: {@code InvalidInputException} by field. */
    ClosureImpact preview(ClosureRequest request);

    /**
     * Stores the closure with its impact (recomputed now) and queues the job that applies it. Refused with
     * {@code InvalidInputException} (field {@code offerings}) when an offering hit has no choice.
     */
    ClosurePlan declare(ClosureRequest request);

    /** Lifts a closure early: it ends today (or is removed if it has not started); nothing already cancelled returns. */
    ClosurePlan lift(String planId);

    /** Declared closures, newest first. */
    List<ClosurePlan> plans();

    Optional<ClosurePlan> plan(String planId);
}
