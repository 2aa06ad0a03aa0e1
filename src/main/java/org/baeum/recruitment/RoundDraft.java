package org.baeum.recruitment;

import java.time.Instant;
import java.util.List;
import org.baeum.catalog.OfferingId;

/**
 * What STAFF enter to create a round; checked field by field ({@code id}, {@code phase.<i>.opens}, …).
 * {@code previousRound} (nullable) is this group's previous round, whose losers get a second entry when
 * {@code secondEntryForPreviousLosers} is on; {@code continuations} link offerings of the round to their previous-term
 * runs for re-registration (never null).
 */
public record RoundDraft(String id, String titleKo, String titleEn, List<OfferingId> offerings, List<RoundPhase> phases,
                         Instant confirmationDeadline, boolean secondEntryForPreviousLosers, ReservedShare reserved,
                         RoundId previousRound, List<Continuation> continuations) {

    public RoundDraft {
        offerings = offerings == null ? List.of() : offerings;
        phases = phases == null ? List.of() : phases;
        reserved = reserved == null ? ReservedShare.NONE : reserved;
        continuations = continuations == null ? List.of() : continuations;
    }

    /** A round without a previous round or continuations. */
    public RoundDraft(String id, String titleKo, String titleEn, List<OfferingId> offerings, List<RoundPhase> phases,
                      Instant confirmationDeadline, boolean secondEntryForPreviousLosers, ReservedShare reserved) {
        this(id, titleKo, titleEn, offerings, phases, confirmationDeadline, secondEntryForPreviousLosers, reserved, null,
                List.of());
    }
}
