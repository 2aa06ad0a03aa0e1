package org.baeum.enrollment;

import org.baeum.account.ParticipantId;

/**
 * One participant on an instructor's class roster: only what teaching needs. The contact is masked; the full contact
 * is opened one at a time ({@link InstructorRosters#contact}), which is written to the access log.
 *
 * @param ageBand       the participant's age band on the first session day: 0 (under 10), 10, 20, … 70 (70 or older)
 * @param maskedContact the household's address, masked ({@code m***@example.com})
 */
public record RosterEntry(EnrollmentId id, ParticipantId participant, String name, int ageBand, String maskedContact) {

    /** The age band of an age: its decade, with everyone under 10 in 0 and everyone 70 or older in 70. */
    public static int bandOf(int age) {
        return Math.min(70, Math.max(0, age / 10 * 10));
    }
}
