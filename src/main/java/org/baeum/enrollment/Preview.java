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
 * @param enrollment       the participant's active entry, if any
 * @param clashes          titles of their other enrolments whose sessions overlap
 * @param refusal          for {@link Action#NOT_POSSIBLE}: why (the reason an enrolment now would be refused with)
 * @param refusalArguments that refusal's arguments (e.g. the cap for {@code CAP_REACHED}), as
 *                         {@link EnrollmentRefusedException#arguments()} gives them
 */
public record Preview(Action action, Instant opensAt, int waiting, Fee fee, Enrollment enrollment, List<String> clashes,
                      EnrollmentRefusedException.Reason refusal, List<Object> refusalArguments) {

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
        refusalArguments = refusalArguments == null ? List.of() : List.copyOf(refusalArguments);
    }

    /** The refusal's message key, {@code enrollment.refused.<REASON>} as for the exception; CLOSED when none is known. */
    public String refusalMessageKey() {
        return "enrollment.refused." + (refusal == null ? EnrollmentRefusedException.Reason.CLOSED : refusal).name();
    }

    /** The refusal's arguments ready for its message in this language, as the exception gives them. */
    public Object[] refusalArguments(java.util.Locale locale) {
        return EnrollmentRefusedException.localized(refusalArguments.toArray(), locale);
    }
}
