package org.baeum.closure;

import java.time.Instant;

/**
 * A declared closure with what it changes: stored when STAFF confirm, then applied by one due job (resumable after a
 * crash without doing anything twice). {@code calendarClosureId} is the calendar's closure it added.
 */
public record ClosurePlan(String id, ClosureRequest request, ClosureImpact impact, Status status,
                          String calendarClosureId, String declaredBy, Instant declaredAt, Instant appliedAt,
                          Instant liftedAt) {

    public enum Status {
        /** Stored, the due job has not finished applying it. */
        APPLYING,
        /** Every change made and every mail queued. */
        APPLIED,
        /** Lifted early: the calendar's closure ends (or is gone); what was cancelled stays cancelled. */
        LIFTED
    }
}
