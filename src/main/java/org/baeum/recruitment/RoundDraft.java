package org.baeum.recruitment;

import java.time.Instant;
import java.util.List;
import org.baeum.catalog.OfferingId;

/** What STAFF enter to create a round; checked field by field ({@code id}, {@code phase.<i>.opens}, …). */
public record RoundDraft(String id, String titleKo, String titleEn, List<OfferingId> offerings, List<RoundPhase> phases,
                         Instant confirmationDeadline, boolean secondEntryForPreviousLosers, ReservedShare reserved) {

    public RoundDraft {
        offerings = offerings == null ? List.of() : offerings;
        phases = phases == null ? List.of() : phases;
        reserved = reserved == null ? ReservedShare.NONE : reserved;
    }
}
