package org.baeum.closure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.baeum.base.scheduling.DueWork;
import org.baeum.base.scheduling.JobRuns;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookings;
import org.baeum.calendar.Closure;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SessionChanges;
import org.baeum.closure.ClosureImpact;
import org.baeum.closure.ClosureParticipants;
import org.baeum.closure.ClosurePlan;
import org.baeum.closure.ClosureRequest;
import org.baeum.closure.internal.ClosureCrashPoints.Step;
import org.baeum.closure.internal.ClosurePlanRepository.Move;
import org.baeum.closure.internal.ClosurePlanRepository.OfferingEffect;
import org.baeum.closure.internal.ClosurePlanRepository.PersonEffect;
import org.baeum.closure.internal.ClosurePlanRepository.PlanDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Applies declared closure plans, as the portal (decision 0043), step by step, each recorded on the plan and each safe
 * to repeat: the calendar closure (id {@code closure-<planId>}), per offering its session dates (guarded on the dates
 * read) and the refunds (once per plan and entry), the offers' deadlines (guarded on the old deadline), the bookings
 * (cancelled once), then one mail per person (keyed per plan and person). A crash anywhere: the next run of the due
 * item skips what is recorded and repeats the rest, which changes nothing twice.
 */
@Component
public class ClosureApplier {

    private static final Logger log = LoggerFactory.getLogger(ClosureApplier.class);
    static final int BATCH = 20;
    /** After this many failed attempts (about 10 minutes of retries) the job gives up: the plan is FAILED. */
    static final int MAX_ATTEMPTS = 10;

    private final ClosurePlanRepository plans;
    private final ClosureWorkRepository work;
    private final DaysOff daysOff;
    private final SessionChanges sessionChanges;
    private final ObjectProvider<ClosureParticipants> participants;
    private final ObjectProvider<Bookings> bookings;
    private final ClosureMail mail;
    private final ClosureCrashPoints crash;
    private final Clock clock;
    private final String owner = "closure-" + UUID.randomUUID().toString().substring(0, 8);

    ClosureApplier(ClosurePlanRepository plans, ClosureWorkRepository work, DaysOff daysOff,
                   SessionChanges sessionChanges, ObjectProvider<ClosureParticipants> participants,
                   ObjectProvider<Bookings> bookings, ClosureMail mail, ClosureCrashPoints crash, Clock clock) {
        this.plans = plans;
        this.work = work;
        this.daysOff = daysOff;
        this.sessionChanges = sessionChanges;
        this.participants = participants;
        this.bookings = bookings;
        this.mail = mail;
        this.crash = crash;
        this.clock = clock;
    }

    /** Applies the plans that are due (the job's work, and tests'); a failed one is tried again a minute later. */
    public JobRuns.Outcome runDue() {
        return SystemIdentity.call(() -> {
            int done = 0;
            int failed = 0;
            for (Object id : work.dueIds(BATCH)) {
                var claimed = work.claim(id, owner);
                if (claimed.isEmpty()) {
                    continue;
                }
                try {
                    apply(id.toString());
                    work.complete(id, owner);
                    done++;
                } catch (RuntimeException e) {
                    failed++;
                    int attempts = claimed.get().get(DueWork.ATTEMPTS, Number.class).intValue();
                    if (attempts >= MAX_ATTEMPTS && work.fail(id, owner, e.toString())) {
                        plans.failed(id.toString());
                        log.error("Closure plan {} FAILED after {} attempts; steps done: {}; last error: {}", id,
                                attempts, plans.find(id.toString()).map(PlanDocument::steps).orElse(List.of()),
                                e.toString(), e);
                    } else if (attempts < MAX_ATTEMPTS
                            && work.retry(id, owner, clock.instant().plus(Duration.ofMinutes(1)), e.toString())) {
                        log.warn("Closure plan {} not finished (attempt {} of {}), tried again in a minute: {}", id,
                                attempts, MAX_ATTEMPTS, e.toString());
                    } else {
                        // the lease ran out and another instance holds the item: it applies (or fails) the plan
                        log.warn("Closure plan {}: attempt {} failed after its lease ran out; left to the instance that "
                                + "holds it now: {}", id, attempts, e.toString());
                    }
                }
            }
            return new JobRuns.Outcome(done, failed);
        });
    }

    private void apply(String planId) {
        PlanDocument plan = plans.find(planId).orElse(null);
        if (plan == null || plan.status() != ClosurePlan.Status.APPLYING) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ClosureImpacts.SEOUL));
        if (!plan.done("calendar")) {
            if (plan.request().lastDay().isBefore(today)) {
                // the calendar refuses a closure that is over; nothing can be booked or planned in it any more
                plans.note(planId, ClosurePlan.NOTE_CALENDAR_PAST);
                log.warn("Closure plan {}: its last day {} had passed when applied; no calendar closure, the rest is "
                        + "applied", planId, plan.request().lastDay());
            } else {
                Closure closure = daysOff.addClosure(draft(plan.request()), "closure-" + planId);
                plans.calendarClosure(planId, closure.id());
            }
            plans.stepDone(planId, "calendar");
            crash.reached(Step.CALENDAR);
        }
        plan = withoutPastMakeUps(plan, today);
        for (OfferingEffect o : plan.offerings()) {
            if (!plan.done("sessions:" + o.offeringId())) {
                Map<java.time.LocalDate, java.time.LocalDate> moves = o.moves().stream()
                        .collect(Collectors.toMap(Move::from, Move::to));
                SessionChanges.Outcome outcome = sessionChanges.change(new OfferingId(o.offeringId()), o.classDays(),
                        o.cancelled(), moves);
                if (outcome == SessionChanges.Outcome.DATES_DIFFER) {
                    log.warn("Closure plan {}: the session dates of {} changed since it was declared; left as they are",
                            planId, o.offeringId());
                }
                plans.stepDone(planId, "sessions:" + o.offeringId());
                crash.reached(Step.SESSIONS);
            }
            if (!plan.done("refunds:" + o.offeringId())) {
                if (!o.cancelled().isEmpty()) {
                    for (ClosureParticipants.Participant p : o.participants()) {
                        participants.getObject().settle(planId, plan.request().reasonKo(), plan.request().reasonEn(),
                                p.enrollmentId(), o.classDays(), o.cancelled());
                    }
                }
                plans.stepDone(planId, "refunds:" + o.offeringId());
                crash.reached(Step.REFUNDS);
            }
        }
        ClosureImpact impact = plan.impact();
        if (!plan.done("offers")) {
            for (ClosureImpact.OfferHit offer : impact.offers()) {
                participants.getObject().moveOfferDeadline(offer.enrollmentId(), offer.deadline(), offer.newDeadline());
            }
            plans.stepDone(planId, "offers");
            crash.reached(Step.OFFERS);
        }
        if (!plan.done("bookings")) {
            List<String> ids = java.util.stream.Stream.concat(impact.bookings().stream().map(ClosureImpact.BookingHit::bookingId),
                    impact.clubSlots().stream().map(ClosureImpact.ClubSlotHit::bookingId)).toList();
            Bookings desk = ids.isEmpty() ? null : bookings.getIfAvailable();
            if (!ids.isEmpty() && desk == null) {
                throw new IllegalStateException("bookings to cancel but no booking service");
            }
            for (String id : ids) {
                desk.cancelForClosure(id, planId);
            }
            plans.stepDone(planId, "bookings");
            crash.reached(Step.BOOKINGS);
        }
        if (!plan.done("mails")) {
            PlanDocument current = plans.find(planId).orElseThrow();
            for (PersonEffect person : current.people()) {
                mail.notice(current, person);
                crash.reached(Step.MAIL);
            }
            plans.stepDone(planId, "mails");
        }
        plans.applied(planId, clock.instant());
        log.info("Closure plan {} applied: {} offering(s), {} offer(s), {} booking(s), {} people mailed", planId,
                plan.offerings().size(), impact.offers().size(), impact.bookings().size() + impact.clubSlots().size(),
                plan.people().size());
    }

    /**
     * A make-up day that has passed by the time the job applies the plan cannot be held: that session is cancelled
     * (and refunded) instead, recorded on the plan once (guarded on its version, with the note for STAFF and the step in the same update) before any
     * offering's sessions are changed, so the sessions, refunds and mails all follow the same plan.
     */
    private PlanDocument withoutPastMakeUps(PlanDocument plan, LocalDate today) {
        PlanDocument current = plan;
        for (int attempt = 0; attempt < 3 && !current.done("make-ups"); attempt++) {
            PlanDocument read = current;
            boolean past = read.offerings().stream().anyMatch(o -> !read.done("sessions:" + o.offeringId())
                    && o.moves().stream().anyMatch(m -> m.to().isBefore(today)));
            if (!past) {
                break;
            }
            List<OfferingEffect> revised = read.offerings().stream().map(o -> read.done("sessions:" + o.offeringId())
                    ? o : late(o, today)).toList();
            if (plans.replaceOfferings(read.id(), read.version(), revised, ClosurePlan.NOTE_MAKE_UP_PAST, "make-ups")) {
                log.warn("Closure plan {}: make-up days before {} had passed; those sessions are cancelled instead",
                        read.id(), today);
                crash.reached(Step.MAKE_UPS);
            }
            current = plans.find(read.id()).orElseThrow();
        }
        return current;
    }

    private static OfferingEffect late(OfferingEffect o, LocalDate today) {
        List<Move> kept = o.moves().stream().filter(m -> !m.to().isBefore(today)).toList();
        List<LocalDate> cancelled = java.util.stream.Stream.concat(o.cancelled().stream(), o.moves().stream()
                .filter(m -> m.to().isBefore(today)).map(Move::from)).distinct().sorted().toList();
        return new OfferingEffect(o.offeringId(), o.titleKo(), o.titleEn(), o.choice(), o.start(), o.end(),
                o.classDays(), cancelled, kept, o.participants());
    }

    static ClosureDraft draft(ClosureRequest r) {
        boolean room = r.roomId() != null && !r.roomId().isBlank();
        boolean facility = r.facilityId() != null && !r.facilityId().isBlank();
        boolean branch = r.branchId() != null && !r.branchId().isBlank();
        ClosureScope scope = room ? ClosureScope.ROOM : facility ? ClosureScope.FACILITY
                : branch ? ClosureScope.BRANCH : ClosureScope.ALL;
        String target = room ? r.roomId() : facility ? r.facilityId() : branch ? r.branchId() : null;
        return new ClosureDraft(scope, target == null ? null : target.strip(), r.firstDay(), r.lastDay(), r.reasonKo(),
                r.reasonEn(), r.fromTime(), r.toTime());
    }
}
