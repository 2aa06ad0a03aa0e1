package org.baeum.enrollment;

import java.time.Instant;
import java.util.List;

/**
 * What a participant can do about an offering now, for the detail page: the one action that applies, the fee they
 * would pay, and warnings (sessions that clash with another of their enrolments).
 *
 * @param action        the action
 * @param opensAt       for {@link Action#NOT_OPEN_YET}: when the window opens (for a live countdown)
 * @param waiting       how many people wait now
 * @param enrollment    the participant's active entry, if any
 * @param clashes       titles of their other enrolments whose sessions overlap
 */
public record Preview(Action action, Instant opensAt, int waiting, Fee fee, Enrollment enrollment, List<String> clashes,
                      EnrollmentRefusedException.Reason refusal) {

    public enum Action {
        /** The window opens later: show the countdown. */
        NOT_OPEN_YET,
        /** A seat is free: 신청하기. */
        ENROL,
        /** Full: 대기 신청 (현재 n명 대기). */
        JOIN_WAITLIST,
        /** An offer waits for an answer: 제안 수락 (…까지). */
        ACCEPT_OFFER,
        /** Enrolled: 신청 완료. */
        ENROLLED,
        /** On the waitlist, at a position. */
        WAITLISTED,
        /** Not possible (closed, not eligible, cap reached, not verified): {@code refusal} says why. */
        NOT_POSSIBLE
    }

    public Preview {
        clashes = clashes == null ? List.of() : List.copyOf(clashes);
    }
}
