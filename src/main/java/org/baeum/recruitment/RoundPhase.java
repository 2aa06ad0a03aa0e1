package org.baeum.recruitment;

import java.time.Instant;

/** One phase of a round: open from {@code opensAt} (inclusive) until {@code closesAt} (exclusive). */
public record RoundPhase(RoundPhaseKind kind, Instant opensAt, Instant closesAt) {

    /** Whether the phase is open at {@code now} by the server's clock. */
    public boolean openAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
