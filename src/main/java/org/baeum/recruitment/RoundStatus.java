package org.baeum.recruitment;

/** Where a round stands, by the server's clock and its draw. */
public enum RoundStatus {
    /** The lottery phase has not opened yet. */
    UPCOMING,
    /** The lottery phase is open: citizens apply. */
    OPEN,
    /** The lottery phase has closed and the draw has not finished. */
    DRAWING,
    /** Drawn; later phases (confirmation, first come) may still run. */
    DRAWN,
    /** Drawn and every phase is over. */
    CLOSED
}
