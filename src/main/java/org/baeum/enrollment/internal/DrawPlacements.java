package org.baeum.enrollment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.EligibilityService;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentEvents;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Fee;
import org.baeum.recruitment.DrawnRound;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.RoundEvents;
import org.baeum.recruitment.RoundId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Places a drawn round's results (issue 15, decision 0029), in draw order, as the system: each winner's participants
 * get a held seat (OFFERED) in the offering won until the round's confirmation deadline, with the accept and decline
 * links of an offer; each loser's participants wait on every offering they chose, in draw order, and the household is
 * told where. An unconfirmed or declined win then goes, as any offer, to the first in line: the next applicant in draw
 * order who chose that offering.
 * <p>
 * Crash-safe without transactions: every entry's id is derived from round, application, participant and offering, so a
 * repeated placement finds what it stored (a seat held under that id, an entry, a mail keyed by the entry) and adds only
 * what is missing; the round is marked placed last, and the enrolment sweep places any drawn round not marked.
 */
@Component
public class DrawPlacements {

    private static final Logger log = LoggerFactory.getLogger(DrawPlacements.class);
    /** How long a run may place one round before another may take over (20,000 applications take 36–90 s here). */
    static final java.time.Duration LEASE = java.time.Duration.ofMinutes(15);

    private final RoundDrawsService draws;
    private final PlacementRepository placements;
    private final EnrollmentRepository enrollments;
    private final SeatsAsSystem seats;
    private final CatalogService catalog;
    private final HouseholdService households;
    private final EligibilityService eligibility;
    private final TaskRepository tasks;
    private final OfferPolicy policy;
    private final Waitlist waitlist;
    private final DrawnLines lines;
    private final EnrollmentMail mail;
    private final ApplicationEventPublisher events;
    private final CrashPoints crash;
    private final EntryFacts facts;
    private final Clock clock;

    DrawPlacements(RoundDrawsService draws, PlacementRepository placements, EnrollmentRepository enrollments,
                   SeatsAsSystem seats, CatalogService catalog, HouseholdService households, EligibilityService eligibility,
                   TaskRepository tasks, OfferPolicy policy, Waitlist waitlist, DrawnLines lines, EnrollmentMail mail,
                   ApplicationEventPublisher events, CrashPoints crash, EntryFacts facts, Clock clock) {
        this.draws = draws;
        this.placements = placements;
        this.enrollments = enrollments;
        this.seats = seats;
        this.catalog = catalog;
        this.households = households;
        this.eligibility = eligibility;
        this.tasks = tasks;
        this.policy = policy;
        this.waitlist = waitlist;
        this.lines = lines;
        this.mail = mail;
        this.events = events;
        this.crash = crash;
        this.facts = facts;
        this.clock = clock;
    }

    /** What one placement did. */
    public record Placed(int offered, int waiting) {
    }

    /** Places a round as soon as it is drawn; a failure is logged and left to the sweep ({@link #placeDue}). */
    @EventListener
    void drawn(RoundEvents.RoundDrawn drawn) {
        try {
            place(drawn.round());
        } catch (RuntimeException e) {
            log.error("Placing the draw of round {} failed; the enrolment sweep tries again", drawn.round().value(), e);
        }
    }

    /** Places every drawn round not placed yet. @return how many rounds were placed now */
    public int placeDue() {
        return SystemIdentity.call(() -> {
            int placed = 0;
            for (RoundId round : draws.drawnRounds()) {
                if (!placements.done(round.value())) {
                    place(round);
                    placed++;
                }
            }
            return placed;
        });
    }

    /** Places the round's draw, or finishes a placement a crash interrupted; nothing when it was placed. */
    public Optional<Placed> place(RoundId id) {
        return SystemIdentity.call(() -> {
            if (placements.done(id.value())) {
                return Optional.empty();
            }
            String owner = "placement-" + java.util.UUID.randomUUID();
            Instant now = clock.instant();
            if (!placements.lease(id.value(), owner, now, now.plus(LEASE))) {
                log.info("Round {} is being placed by another run (or was just placed)", id.value());
                return Optional.empty();
            }
            try {
                return placeLeased(id);
            } catch (RuntimeException e) {
                placements.release(id.value(), owner);
                throw e;
            }
        });
    }

    private Optional<Placed> placeLeased(RoundId id) {
        DrawnRound round = draws.drawn(id).orElseThrow(() -> new IllegalStateException("Round " + id.value()
                + " is not drawn"));
        if (round.over()) { // drawn while the portal was away for the whole round: its classes have moved on
            placements.markDone(id.value(), clock.instant(), 0, 0);
            log.warn("Round {} was over when its draw was first seen; its results are published but not placed",
                    id.value());
            return Optional.of(new Placed(0, 0));
        }
        PlacementContext c = new PlacementContext(round, clock.instant(), catalog, households, eligibility, waitlist,
                facts);
        int offered = 0;
        Map<OfferingId, List<DrawnLines.Waiting>> waitingFor = new LinkedHashMap<>();
        for (DrawnRound.Drawn d : round.inDrawOrder()) {
            for (ParticipantId p : d.participants()) {
                Participant participant = c.participant(p);
                if (participant == null) {
                    continue;
                }
                if (!d.lost() && offerWin(c, d, participant)) {
                    offered++;
                } else {
                    List<OfferingId> wait = d.lost() ? d.choices() : List.of(d.won()); // no seat for a win: wait first
                    wait.forEach(o -> waitingFor.computeIfAbsent(o, k -> new ArrayList<>())
                            .add(new DrawnLines.Waiting(d, participant)));
                }
            }
        }
        int waiting = 0;
        Map<String, Map<OfferingId, Integer>> placesByNumber = new HashMap<>();
        Map<String, EnrollmentDocument> queued = new HashMap<>();
        for (Map.Entry<OfferingId, List<DrawnLines.Waiting>> line : waitingFor.entrySet()) {
            waiting += lines.queue(c, line.getKey(), line.getValue(), placesByNumber, queued);
        }
        tellLosers(c, placesByNumber, queued);
        placements.markDone(id.value(), clock.instant(), offered, waiting);
        log.info("Round {} placed: {} seat(s) offered to winners, {} waitlist place(s) in draw order", id.value(),
                offered, waiting);
        return Optional.of(new Placed(offered, waiting));
    }


    /**
     * Holds a seat in the won offering for the participant until the confirmation deadline and mails the household.
     *
     * @return false when no seat could be held (staff took seats after the draw): the participant then waits first
     */
    private boolean offerWin(PlacementContext c, DrawnRound.Drawn d, Participant p) {
        Offering o = c.offering(d.won());
        String id = DrawnLines.entryId(c.round.round(), d.number(), p.id(), o.id());
        EnrollmentDocument doc = enrollments.findById(id).orElse(null);
        if (doc == null) {
            Instant deadline = c.deadline(o);
            if (deadline == null || (seats.hold(o.id(), id).isEmpty() && !seats.holds(o.id(), id))) {
                log.warn("Round {}: no seat could be held in {} for application {} (deadline {}); it waits first",
                        c.round.round().value(), o.id().value(), d.number(), deadline);
                return false;
            }
            crash.reached(CrashPoints.Step.SEAT_TAKEN);
            Fee fee = c.fee(o, p);
            doc = NewEntries.drawnOffered(c.command(o, p), id, fee, c.facts(o, p, fee), deadline, d.number(), c.now);
            if (!enrollments.insertAll(List.of(doc)).isEmpty()) {
                Optional<EnrollmentDocument> ours = enrollments.findById(id);
                if (ours.isEmpty()) { // another entry of theirs holds the offering: give our seat back
                    seats.release(o.id(), id);
                    log.info("Round {}: participant {} already has an entry in {}; application {} keeps it",
                            c.round.round().value(), p.id().value(), o.id().value(), d.number());
                    return true;
                }
                doc = ours.get(); // stored under this id by an earlier run: it holds the seat, keep it
            }
            crash.reached(CrashPoints.Step.RECORD_WRITTEN);
        }
        if (doc.status() == EnrollmentStatus.OFFERED) {
            tasks.schedule(TaskRepository.Kind.OFFER_EXPIRY, id, doc.offerExpiresAt());
            Instant remind = policy.offerReminder(c.now, doc.offerExpiresAt());
            if (remind != null) {
                tasks.schedule(TaskRepository.Kind.OFFER_REMINDER, id, remind);
            }
            mail.drawWon(doc, o, doc.offerExpiresAt(), d.number());
            crash.reached(CrashPoints.Step.MAIL_QUEUED);
            events.publishEvent(new EnrollmentEvents.OfferMade(new EnrollmentId(id), o.id(), doc.offerExpiresAt()));
            log.info("Enrolment {}: round {} application {} won a seat in {} for participant {} until {}", id,
                    c.round.round().value(), d.number(), o.id().value(), p.id().value(), doc.offerExpiresAt());
        }
        return true;
    }


    /**
     * One mail per losing application: where it waits. The entry the mail is about (the first participant's on the
     * first list) is the one {@link #queue} read or stored, not read again (one read per application saved).
     */
    private void tellLosers(PlacementContext c, Map<String, Map<OfferingId, Integer>> places,
                            Map<String, EnrollmentDocument> queued) {
        for (DrawnRound.Drawn d : c.round.inDrawOrder()) {
            Map<OfferingId, Integer> at = places.get(d.number());
            if (!d.lost() || at == null || at.isEmpty()) {
                continue;
            }
            OfferingId first = at.keySet().iterator().next();
            Optional.ofNullable(queued.get(DrawnLines.entryId(c.round.round(), d.number(), d.participants().getFirst(), first)))
                    .ifPresent(e -> mail.drawLost(e, c.round.round().value(), d.number(), lang -> {
                        List<String> parts = new ArrayList<>();
                        at.forEach((o, place) -> parts.add(c.offering(o).title(lang) + ": " + place));
                        return String.join(", ", parts);
                    }));
        }
    }
}
