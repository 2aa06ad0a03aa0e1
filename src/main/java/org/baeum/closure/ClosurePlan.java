package org.baeum.closure;

import java.time.Instant;
import java.util.List;

/**
 * A declared closure with what it changes: stored when STAFF confirm, then applied by one due job (resumable after a
 * crash without doing anything twice). {@code calendarClosureId} is the calendar's closure it added; {@code notes}
 * what the job could not do as planned ({@link #NOTE_CALENDAR_PAST}, {@link #NOTE_MAKE_UP_PAST}).
 */
public record ClosurePlan(String id, ClosureRequest request, ClosureImpact impact, Status status,
                          String calendarClosureId, String declaredBy, Instant declaredAt, Instant appliedAt,
                          Instant liftedAt, List<String> notes) {

    /** The closure's last day had passed when the job applied it: no calendar closure, the rest was applied. */
    public static final String NOTE_CALENDAR_PAST = "calendar-past";
    /** A make-up day had passed when the job applied it: that session was cancelled (and refunded) instead. */
    public static final String NOTE_MAKE_UP_PAST = "make-up-past";

    public ClosurePlan {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public enum Status {
        /** Stored, the due job has not finished applying it. */
        APPLYING,
        /** Every change made and every mail queued. */
        APPLIED,
        /** Lifted early: the calendar's closure ends (or is gone); what was cancelled stays cancelled. */
        LIFTED,
        /**
         * The job gave up after failing {@code closure-apply}'s attempts (logged with the error): the steps recorded
         * are done, the rest is not; STAFF see it on the plan's page.
         */
        FAILED
    }
}
