package org.baeum.recruitment;

import org.baeum.catalog.OfferingId;

/**
 * The re-registration link of one offering of a round: {@code offering} (of this round) continues {@code previous}
 * (its run in the term before, not in the round), whose participants may claim their place in the RE_REGISTRATION
 * phase.
 */
public record Continuation(OfferingId offering, OfferingId previous) {
}
