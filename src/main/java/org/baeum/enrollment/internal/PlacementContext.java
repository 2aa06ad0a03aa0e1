package org.baeum.enrollment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.AccountId;
import org.baeum.account.District;
import org.baeum.account.EligibilityService;
import org.baeum.account.FeeReduction;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.ParticipationFacts;
import org.baeum.recruitment.DrawnRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A round {@link DrawPlacements} is placing, with its offerings, its participants and their best fee reductions read
 * once each (as the system): a loser waits on up to three offerings, so the reduction is read once, not per entry.
 */
final class PlacementContext {

    private static final Logger log = LoggerFactory.getLogger(PlacementContext.class);

    final DrawnRound round;
    final Instant now;
    private final Map<OfferingId, Offering> offerings = new HashMap<>();
    private final Map<ParticipantId, Optional<Participant>> participants = new HashMap<>();
    private final Map<ParticipantId, Optional<FeeReduction>> reductions = new HashMap<>();
    private final Map<AccountId, Optional<District>> districts = new HashMap<>();
    private final CatalogService catalog;
    private final HouseholdService households;
    private final EligibilityService eligibility;
    private final Waitlist waitlist;
    private final EntryFacts facts;

    PlacementContext(DrawnRound round, Instant now, CatalogService catalog, HouseholdService households,
                     EligibilityService eligibility, Waitlist waitlist, EntryFacts facts) {
        this.round = round;
        this.now = now;
        this.catalog = catalog;
        this.households = households;
        this.eligibility = eligibility;
        this.waitlist = waitlist;
        this.facts = facts;
    }

    Offering offering(OfferingId id) {
        return offerings.computeIfAbsent(id, k -> catalog.offering(k)
                .orElseThrow(() -> new IllegalStateException("Offering " + k.value() + " of a drawn round is gone")));
    }

    Participant participant(ParticipantId id) {
        return participants.computeIfAbsent(id, k -> {
            try {
                return Optional.of(households.participant(k));
            } catch (RuntimeException gone) { // removed from the household, or the account was deleted
                log.warn("Round {}: participant {} is gone; not placed", round.round().value(), k.value());
                return Optional.empty();
            }
        }).orElse(null);
    }

    /**
     * The participant's fee in the offering today, as {@link FeeQuotes#fee}, with the best verified reduction read
     * once per participant (and only when the program has a fee that reductions apply to).
     */
    Fee fee(Offering o, Participant p) {
        LocalDate day = LocalDate.ofInstant(now, Formats.SEOUL);
        return Pricing.fee(o.program(), () -> reductions.computeIfAbsent(p.id(), k -> eligibility.bestReductionFor(p, day)));
    }

    /** The seat request of a placement: made by the system, with the household's district (read once per household). */
    SeatDecider.Command command(Offering o, Participant p) {
        return new SeatDecider.Command(o, p, null, Waitlist.SYSTEM, false, district(p));
    }

    /** The reporting facts of a placed entry charged {@code fee}. */
    ParticipationFacts facts(Offering o, Participant p, Fee fee) {
        return facts.of(o, p, district(p), fee.reductionCode());
    }

    private District district(Participant p) {
        return districts.computeIfAbsent(p.household(), h -> Optional.ofNullable(facts.districtOf(h))).orElse(null);
    }

    /** The round's confirmation deadline, or when it has passed, an offer's usual deadline from now. */
    Instant deadline(Offering o) {
        Instant d = round.confirmationDeadline();
        return d != null && d.isAfter(now) ? d : waitlist.offerDeadline(o, now);
    }
}
