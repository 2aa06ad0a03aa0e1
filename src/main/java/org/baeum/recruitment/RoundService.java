package org.baeum.recruitment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.FeeReductionCategories;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Recruitment;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.RecruitmentPhase;
import org.baeum.recruitment.internal.ApplicationDocument;
import org.baeum.recruitment.internal.ApplicationRepository;
import org.baeum.recruitment.internal.RoundDocument;
import org.baeum.recruitment.internal.RoundRepository;
import org.baeum.recruitment.internal.RoundSeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Recruitment rounds (issue 15): STAFF and ADMIN create them and watch their applications; anyone reads them. A new
 * round gets its secret seed and the commitment to it at once (decision 0028); no method here ever returns the seed,
 * and the commitment shows only once the lottery phase has opened.
 */
@Service
public class RoundService {

    private static final Logger log = LoggerFactory.getLogger(RoundService.class);

    private final RoundRepository rounds;
    private final ApplicationRepository applications;
    private final CatalogService catalog;
    private final FeeReductionCategories eligibility;
    private final CurrentUser currentUser;
    private final Clock clock;

    RoundService(RoundRepository rounds, ApplicationRepository applications, CatalogService catalog,
                 FeeReductionCategories eligibility, CurrentUser currentUser, Clock clock) {
        this.rounds = rounds;
        this.applications = applications;
        this.catalog = catalog;
        this.eligibility = eligibility;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Creates a round, with a fresh seed and its commitment.
     *
     * @throws InvalidInputException per field ({@code id}, {@code titleKo}, {@code offerings}, {@code phase.<i>.kind},
     *         {@code phase.<i>.opens}, {@code phase.<i>.closes}, {@code phases}, {@code confirmationDeadline},
     *         {@code reservedPercent}, …), or at {@code id} when a round has it; nothing stored
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Round create(RoundDraft draft) {
        List<FieldProblem> problems = RoundRules.check(draft, o -> catalog.offering(o).isPresent(),
                code -> eligibility.category(code).isPresent(),
                r -> RoundId.wellFormed(r.value()) && rounds.find(r.value()).isPresent());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        byte[] seed = RoundSeeds.newSeed();
        Instant now = clock.instant();
        String who = currentUser.require().accountId();
        RoundDocument doc = new RoundDocument(draft.id(), draft.titleKo().strip(), draft.titleEn().strip(),
                draft.offerings().stream().map(OfferingId::value).toList(), List.copyOf(draft.phases()),
                draft.confirmationDeadline(), draft.secondEntryForPreviousLosers(), draft.reserved(),
                HexFormat.of().formatHex(seed), RoundSeeds.commitment(seed), now, 0L, now, who, null,
                draft.previousRound() == null ? null : draft.previousRound().value(),
                draft.continuations().stream().map(c -> new RoundDocument.Link(c.offering().value(), c.previous().value()))
                        .toList());
        java.util.Arrays.fill(seed, (byte) 0);
        try {
            rounds.insert(doc);
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("id", "round.validation.idTaken", draft.id());
        }
        log.info("Round {} created by {} with {} offerings and commitment {}", doc.id(), who, doc.offeringIds().size(),
                doc.commitment());
        recruitThroughRound(doc, who);
        return toRound(doc, now);
    }

    /**
     * Each offering of the new round recruits by the round's phases from now on (its catalog recruitment replaced), so
     * nobody takes a seat first come before the round's first-come phase.
     */
    private void recruitThroughRound(RoundDocument round, String who) {
        Recruitment recruitment = new Recruitment(round.phases().stream()
                .map(p -> new RecruitmentPhase(p.opensAt(), p.closesAt(), RecruitmentMethod.valueOf(p.kind().name())))
                .toList());
        for (String offering : round.offeringIds()) {
            catalog.recruitThroughRound(new OfferingId(offering), recruitment);
        }
        log.info("Round {}: its {} offerings now recruit by its phases {} in the catalog (set by {})", round.id(),
                round.offeringIds().size(), round.phases().stream().map(p -> p.kind().name()).toList(), who);
    }

    /** Every round, newest first. */
    @PreAuthorize("permitAll()")
    public List<Round> rounds() {
        Instant now = clock.instant();
        return rounds.findAll().stream().map(d -> toRound(d, now)).toList();
    }

    @PreAuthorize("permitAll()")
    public Optional<Round> round(RoundId id) {
        Instant now = clock.instant();
        return rounds.find(id.value()).map(d -> toRound(d, now));
    }

    /**
     * The round's submitted applications counted per offering, and those flagged as the same person from two
     * households.
     *
     * @throws ApplicationRefusedException {@code NO_SUCH_ROUND}
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public ApplicationCounts applications(RoundId id) {
        RoundDocument round = rounds.find(id.value())
                .orElseThrow(() -> new ApplicationRefusedException(ApplicationRefusedException.Reason.NO_SUCH_ROUND));
        Map<String, int[]> counts = new LinkedHashMap<>();
        round.offeringIds().forEach(o -> counts.put(o, new int[2]));
        int seats = 0;
        List<ApplicationCounts.Flagged> flagged = new ArrayList<>();
        List<ApplicationDocument> submitted = applications.findSubmitted(id.value());
        for (ApplicationDocument a : submitted) {
            seats += a.seats();
            for (int i = 0; i < a.choices().size(); i++) {
                int[] c = counts.computeIfAbsent(a.choices().get(i), k -> new int[2]);
                c[0] += i == 0 ? 1 : 0;
                c[1]++;
            }
            if (Boolean.TRUE.equals(a.duplicatePerson())) {
                flagged.add(new ApplicationCounts.Flagged(a.number(), a.householdMasked()));
            }
        }
        log.info("Account {} read the application counts of round {}", currentUser.require().accountId(), id.value());
        return new ApplicationCounts(id, submitted.size(), seats, counts.entrySet().stream()
                .map(e -> new ApplicationCounts.PerOffering(new OfferingId(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .toList(), flagged);
    }

    /**
     * The public form of a round: no seed, the commitment only once its first intake phase (RESERVED or LOTTERY) has
     * opened, so it is out before the first application.
     */
    static Round toRound(RoundDocument d, Instant now) {
        RoundPhase lottery = d.phases().stream().filter(p -> p.kind() == RoundPhaseKind.LOTTERY).findFirst().orElseThrow();
        Instant intakeOpens = d.phases().stream().filter(p -> p.kind() == RoundPhaseKind.RESERVED)
                .map(RoundPhase::opensAt).findFirst().orElse(lottery.opensAt());
        boolean published = !now.isBefore(intakeOpens);
        return new Round(new RoundId(d.id()), d.titleKo(), d.titleEn(), d.offeringIds().stream().map(OfferingId::new).toList(),
                List.copyOf(d.phases()), d.confirmationDeadline(), Boolean.TRUE.equals(d.secondEntryForPreviousLosers()),
                d.reserved() == null ? ReservedShare.NONE : d.reserved(), status(d, lottery, now),
                published ? d.commitment() : null, published ? d.committedAt() : null,
                d.previousRound() == null ? null : new RoundId(d.previousRound()),
                d.links().stream().map(l -> new Continuation(new OfferingId(l.offering()), new OfferingId(l.previous())))
                        .toList());
    }

    static RoundStatus status(RoundDocument d, RoundPhase lottery, Instant now) {
        Instant intake = d.phases().stream().filter(p -> p.kind() == RoundPhaseKind.RESERVED).map(RoundPhase::opensAt)
                .findFirst().orElse(lottery.opensAt()); // applications open with the reserved phase when there is one
        if (now.isBefore(intake)) {
            return RoundStatus.UPCOMING;
        }
        if (now.isBefore(lottery.closesAt())) {
            return RoundStatus.OPEN;
        }
        if (d.drawnAt() == null) {
            return RoundStatus.DRAWING;
        }
        Instant end = d.phases().stream().map(RoundPhase::closesAt).max(Instant::compareTo).orElse(lottery.closesAt());
        if (d.confirmationDeadline() != null && d.confirmationDeadline().isAfter(end)) {
            end = d.confirmationDeadline();
        }
        return now.isBefore(end) ? RoundStatus.DRAWN : RoundStatus.CLOSED;
    }
}
