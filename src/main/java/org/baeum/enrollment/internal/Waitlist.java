package org.baeum.enrollment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingEvents;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Publication;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.EnrollmentEvents;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.OfferingRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The line of people waiting for a seat: free seats are offered first in line first, one held seat each; an offer
 * is accepted while it runs; staff move a waiting entry with a reason. Runs as the system where it writes to other
 * households' entries.
 */
@Component
public class Waitlist {

    private static final Logger log = LoggerFactory.getLogger(Waitlist.class);
    static final String SYSTEM = "system";

    private final EnrollmentRepository enrollments;
    private final EnrollmentTransitions transitions;
    private final EnrollmentLists lists;
    private final TaskRepository tasks;
    private final SeatsAsSystem seats;
    private final OfferingRulesRepository offeringRules;
    private final CatalogService catalog;
    private final DaysOff daysOff;
    private final FeeQuotes fees;
    private final Confirmation confirmation;
    private final EnrollmentMail mail;
    private final ApplicationEventPublisher events;
    private final CrashPoints crash;
    private final OfferPolicy policy;
    private final Clock clock;

    Waitlist(EnrollmentRepository enrollments, EnrollmentTransitions transitions, EnrollmentLists lists,
             TaskRepository tasks, SeatsAsSystem seats,
             OfferingRulesRepository offeringRules, CatalogService catalog, DaysOff daysOff, FeeQuotes fees, Confirmation confirmation,
             EnrollmentMail mail, ApplicationEventPublisher events, CrashPoints crash, OfferPolicy policy,
             Clock clock) {
        this.enrollments = enrollments;
        this.transitions = transitions;
        this.lists = lists;
        this.tasks = tasks;
        this.seats = seats;
        this.offeringRules = offeringRules;
        this.catalog = catalog;
        this.daysOff = daysOff;
        this.fees = fees;
        this.confirmation = confirmation;
        this.mail = mail;
        this.events = events;
        this.crash = crash;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Offers free seats to the people waiting, first in line first, one held seat each, until no seat is free or no
     * one waits. An entry is offered at most once: the offer is a guarded WAITLISTED → OFFERED change.
     * {@code autoAccept} is an entry that asked for a seat just now: if it is the one offered, it is enrolled at once.
     *
     * @return how many offers (or direct enrolments) were made
     */
    public int dispatch(OfferingId offeringId, String autoAccept) {
        return SystemIdentity.call(() -> dispatchAsSystem(offeringId, autoAccept));
    }

    private int dispatchAsSystem(OfferingId offeringId, String autoAccept) {
        Offering o = catalog.offering(offeringId).orElse(null);
        if (o == null || o.publication() != Publication.PUBLISHED || o.sessionDates().isEmpty()) {
            return 0;
        }
        int made = 0;
        for (int round = 0; round < 10_000; round++) {
            Instant now = clock.instant();
            SeatLedger.Ledger ledger = seats.ledger(offeringId).orElse(null);
            if (ledger == null || ledger.seats().left() <= 0) {
                break;
            }
            Instant deadline = offerDeadline(o, now);
            if (deadline == null) {
                log.info("Offering {}: {} free seat(s) but too late for offers", offeringId.value(), ledger.seats().left());
                break;
            }
            Boolean progressed = offerNext(o, now, deadline, autoAccept);
            if (progressed == null) {
                return made; // no seat left after all
            }
            if (!progressed) {
                break;
            }
            made++;
        }
        return made;
    }

    /** Offers a seat to the first in line who can take it: true when one was offered, false when none, null when no seat. */
    private Boolean offerNext(Offering o, Instant now, Instant deadline, String autoAccept) {
        OfferingId offeringId = o.id();
        for (EnrollmentDocument next : lists.waiting(offeringId.value(), 20)) {
            if (seats.hold(offeringId, next.id()).isEmpty()) {
                if (seats.ledger(offeringId).map(l -> l.seats().left() <= 0).orElse(true)) {
                    return null;
                }
                continue; // someone else is offering this entry a seat right now
            }
            crash.reached(CrashPoints.Step.SEAT_TAKEN);
            Optional<EnrollmentDocument> offered = transitions.markOffered(next.id(), now, deadline,
                    new HistoryItem(now, "OFFERED", SYSTEM, Formats.timestamp(deadline)));
            if (offered.isEmpty()) {
                seats.release(offeringId, next.id()); // they left meanwhile
                continue;
            }
            crash.reached(CrashPoints.Step.RECORD_WRITTEN);
            seats.waitlistShrank(offeringId, 1);
            if (next.id().equals(autoAccept)) {
                accept(next.id(), next.householdId());
                return true;
            }
            tasks.schedule(TaskRepository.Kind.OFFER_EXPIRY, next.id(), deadline);
            Instant remind = policy.offerReminder(now, deadline);
            if (remind != null) {
                tasks.schedule(TaskRepository.Kind.OFFER_REMINDER, next.id(), remind);
            }
            mail.offer(offered.get(), o, deadline);
            crash.reached(CrashPoints.Step.MAIL_QUEUED);
            log.info("Enrolment {}: seat in {} offered to participant {} until {}", next.id(), offeringId.value(),
                    next.participantId(), deadline);
            events.publishEvent(new EnrollmentEvents.OfferMade(new EnrollmentId(next.id()), offeringId, deadline));
            return true;
        }
        return false;
    }

    /** When an offer made now runs out ({@link OfferPolicy#offerDeadline}); null when no offer can be made any more. */
    public Instant offerDeadline(Offering o, Instant now) {
        Duration hold = offeringRules.find(o.id().value()).map(OfferingRules::offerHold).orElse(null);
        return policy.offerDeadline(now, hold, OfferPolicy.firstStart(o), nextDayOff(o, now));
    }

    /** The first day after today on which the offering's room, its branch or every branch is closed; null when none. */
    private LocalDate nextDayOff(Offering o, Instant now) {
        return daysOff.firstClosedDayAfter(LocalDate.ofInstant(now, Formats.SEOUL), o.program().branchId().value(),
                o.roomId()).orElse(null);
    }

    /** OFFERED → ENROLLED while the offer runs, charging {@link FeeQuotes#offerFee}. */
    public EnrollmentDocument accept(String id, String by) {
        EnrollmentDocument e = enrollments.findById(id).orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        if (e.status() == EnrollmentStatus.ENROLLED) {
            return e;
        }
        Instant now = clock.instant();
        Offering o = catalog.offering(new OfferingId(e.offeringId())).orElseThrow();
        EnrollmentDocument done = transitions.markAccepted(id, now, fees.offerFee(e, o, now), e.facts() != null,
                new HistoryItem(now, "ACCEPTED", by, null)).orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        log.info("Enrolment {}: offer in {} accepted by {}", id, e.offeringId(), by);
        confirmation.enrolled(done, o);
        return done;
    }

    /**
     * Moves a waiting entry to {@code position} (1 = next in line), by {@code by} with a reason kept in its history.
     * The order of everyone else stays as it was: the entry gets a rank between its new neighbours'.
     *
     * @return the place it now has
     */
    public int move(EnrollmentDocument e, int position, String by, String reason) {
        List<EnrollmentDocument> others = lists.waiting(e.offeringId(), EnrollmentRepository.MAX_LIST).stream()
                .filter(d -> !d.id().equals(e.id())).toList();
        int index = Math.max(0, Math.min(position - 1, others.size()));
        double before = index == 0 ? (others.isEmpty() ? 0 : others.getFirst().rank() - 2) : others.get(index - 1).rank();
        double after = index >= others.size() ? before + 2 : others.get(index).rank();
        transitions.markMoved(e.id(), (before + after) / 2,
                        new HistoryItem(clock.instant(), "MOVED", by, "→ " + (index + 1) + ": " + reason))
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        return index + 1;
    }

    /** New seats (staff raised the capacity) go to the people waiting first. */
    @EventListener
    void seatsAdded(OfferingEvents.SeatsAdded added) {
        int made = dispatch(added.offering(), null);
        log.info("Offering {}: {} seat(s) added, {} offer(s) made", added.offering().value(), added.added(), made);
    }
}
