package org.baeum.recruitment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.baeum.catalog.OfferingId;

/**
 * A recruitment round as everyone may see it. It never carries the seed; {@code commitment}
 * ({@code hex(SHA-256(seed))}) and {@code committedAt} are null until its first intake phase (RESERVED or LOTTERY)
 * has opened (decision 0028). {@code previousRound} is this group's previous round (nullable), {@code continuations}
 * the re-registration links of its offerings (never null).
 */
public record Round(RoundId id, String titleKo, String titleEn, List<OfferingId> offerings, List<RoundPhase> phases,
                    Instant confirmationDeadline, boolean secondEntryForPreviousLosers, ReservedShare reserved,
                    RoundStatus status, String commitment, Instant committedAt, RoundId previousRound,
                    List<Continuation> continuations) {

    public Round {
        continuations = continuations == null ? List.of() : List.copyOf(continuations);
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleKo;
    }

    /** Applications are taken now: its reserved phase (eligible applicants only) or its lottery phase is open. */
    public boolean takesApplicationsAt(Instant now) {
        return phases.stream().anyMatch(p -> (p.kind() == RoundPhaseKind.RESERVED || p.kind() == RoundPhaseKind.LOTTERY)
                && p.openAt(now));
    }

    /** When applications open: the reserved phase's opening when there is one, else the lottery's. */
    public Instant applicationsOpen() {
        return phase(RoundPhaseKind.RESERVED).map(RoundPhase::opensAt).orElse(lottery().opensAt());
    }

    /** The round's one lottery phase. */
    public RoundPhase lottery() {
        return phase(RoundPhaseKind.LOTTERY).orElseThrow();
    }

    /** The round's phase of this kind (each kind is there at most once). */
    public Optional<RoundPhase> phase(RoundPhaseKind kind) {
        return phases.stream().filter(p -> p.kind() == kind).findFirst();
    }

    /** The previous-term offering that {@code offering} continues, if it has one. */
    public Optional<OfferingId> previousOf(OfferingId offering) {
        return continuations.stream().filter(c -> c.offering().equals(offering)).map(Continuation::previous).findFirst();
    }
}
