package org.baeum.recruitment;

/** An application's state before the draw. */
public enum ApplicationStatus {
    /** In the draw. */
    SUBMITTED,
    /** Withdrawn by the household before the close; its participants may apply again. */
    WITHDRAWN
}
