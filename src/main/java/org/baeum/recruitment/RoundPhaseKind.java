package org.baeum.recruitment;

/** The phases of a round, in the order they run (issue 15). A round has exactly one {@link #LOTTERY}. */
public enum RoundPhaseKind {
    /** Current participants of the previous term claim their place. */
    RE_REGISTRATION,
    /** A share of seats drawn first among the eligible (fee-reduction categories, districts). */
    RESERVED,
    /** Applications during the window, a draw at its close. */
    LOTTERY,
    /** Leftover seats, first come. */
    FIRST_COME
}
