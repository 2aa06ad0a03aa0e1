package org.baeum.recruitment;

/** Where a round stands, by the server's clock and its draw. */
public enum RoundStatus {
    /** Applications have not opened yet (the reserved phase, or the lottery phase when there is none). */
    UPCOMING,
    /** From the opening of applications until the lottery closes: citizens apply (in a reserved phase, the eligible). */
    OPEN,
    /** The lottery phase has closed and the draw has not finished. */
    DRAWING,
    /** Drawn; later phases (confirmation, first come) may still run. */
    DRAWN,
    /** Drawn and every phase is over. */
    CLOSED
}
