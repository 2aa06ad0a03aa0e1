package org.baeum.recruitment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.baeum.catalog.OfferingId;

/**
 * A recruitment round as everyone may see it. It never carries the seed; {@code commitment}
 * ({@code hex(SHA-256(seed))}) and {@code committedAt} are null until the lottery phase has opened (decision 0028).
 */
public record Round(RoundId id, String titleKo, String titleEn, List<OfferingId> offerings, List<RoundPhase> phases,
                    Instant confirmationDeadline, boolean secondEntryForPreviousLosers, ReservedShare reserved,
                    RoundStatus status, String commitment, Instant committedAt) {

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleKo;
    }

    /** The round's one lottery phase. */
    public RoundPhase lottery() {
        return phases.stream().filter(p -> p.kind() == RoundPhaseKind.LOTTERY).findFirst().orElseThrow();
    }
}
