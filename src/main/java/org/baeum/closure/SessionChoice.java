package org.baeum.closure;

/** What happens to an offering's sessions that a closure hits; STAFF choose per offering. */
public enum SessionChoice {
    /** The sessions are not held; every participant gets the fee back pro rata by class day (별표 3, 제1호). */
    CANCEL,
    /** The sessions move to make-up dates the portal proposes from the room's free time. */
    MOVE
}
