package org.baeum.enrollment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentEvents;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.RefundReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * How entries end: an entry that holds a seat (cancel, decline, withdrawal by staff, expiry, non-payment) gives it
 * back, records its refund, mails the citizen and offers the seat to the line; a waiting entry leaves the line. An
 * ending is finished in single-document steps: the status change (with {@code seatReleasePending} and a
 * {@code FINISH_ENDING} task), the seat, the caps, the mail; a crash in between is finished by that task.
 */
@Component
public class Endings {

    private static final Logger log = LoggerFactory.getLogger(Endings.class);
    /** The reason of endings caused by the holder deleting their account. */
    public static final String ACCOUNT_DELETED = "enrollment.reason.accountDeleted";
    public static final String SYSTEM = Waitlist.SYSTEM;

    private final EnrollmentRepository enrollments;
    private final EnrollmentTransitions transitions;
    private final TaskRepository tasks;
    private final SeatsAsSystem seats;
    private final CapPlaces caps;
    private final CatalogService catalog;
    private final Refunds refunds;
    private final Waitlist waitlist;
    private final EnrollmentMail mail;
    private final ApplicationEventPublisher events;
    private final EnrollmentSettings settings;
    private final CrashPoints crash;
    private final Clock clock;

    Endings(EnrollmentRepository enrollments, EnrollmentTransitions transitions, TaskRepository tasks,
            SeatsAsSystem seats, CapPlaces caps,
            CatalogService catalog, Refunds refunds, Waitlist waitlist, EnrollmentMail mail,
            ApplicationEventPublisher events, EnrollmentSettings settings, CrashPoints crash, Clock clock) {
        this.enrollments = enrollments;
        this.transitions = transitions;
        this.tasks = tasks;
        this.seats = seats;
        this.caps = caps;
        this.catalog = catalog;
        this.refunds = refunds;
        this.waitlist = waitlist;
        this.mail = mail;
        this.events = events;
        this.settings = settings;
        this.crash = crash;
        this.clock = clock;
    }

    /**
     * Ends an entry that holds a seat ({@code e.status()} → {@code to}), under {@code guard}; mails the citizen what
     * happened and offers the seat to the waitlist.
     *
     * @throws EnrollmentRefusedException WRONG_STATE when the entry changed meanwhile (nothing changes)
     */
    public EnrollmentDocument endHolding(EnrollmentDocument e, EnrollmentStatus to, String reasonKey, String by,
                                        String note, EnrollmentTransitions.EndGuard guard) {
        return endHolding(e, to, reasonKey, by, note, guard, null);
    }

    /**
     * As {@link #endHolding(EnrollmentDocument, EnrollmentStatus, String, String, String, EnrollmentTransitions.EndGuard)},
     * with the refund's reason: the learner quitting now ({@code centreFrom} null), or the centre unable to hold the
     * class from {@code centreFrom} on (pro rata by day).
     */
    public EnrollmentDocument endHolding(EnrollmentDocument e, EnrollmentStatus to, String reasonKey, String by,
                                        String note, EnrollmentTransitions.EndGuard guard, LocalDate centreFrom) {
        Instant now = clock.instant();
        Offering o = catalog.offering(new OfferingId(e.offeringId())).orElseThrow();
        RefundDocument refund = refunds.onEnding(e, o,
                centreFrom == null ? RefundReason.learner(now) : RefundReason.centre(centreFrom));
        // the sweep's handle on this ending if the portal stops before the seat is back and the mail is out
        tasks.schedule(TaskRepository.Kind.FINISH_ENDING, e.id(), now.plus(settings.recoveryGrace()));
        EnrollmentDocument ended = transitions.markEnded(e.id(), e.status(), to, now, reasonKey, refund, guard,
                new HistoryItem(now, to.name(), by, note)).orElse(null);
        if (ended == null) {
            tasks.cancel(TaskRepository.Kind.FINISH_ENDING, e.id());
            throw new EnrollmentRefusedException(Reason.WRONG_STATE);
        }
        crash.reached(CrashPoints.Step.RECORD_WRITTEN);
        seats.release(o.id(), ended.id());
        crash.reached(CrashPoints.Step.SEAT_RELEASED);
        caps.give(ended);
        log.info("Enrolment {}: {} -> {} by {} ({}), refund {}", e.id(), e.status(), to, by, reasonKey,
                refund == null ? 0 : refund.amount());
        mailEnding(ended, o, note);
        crash.reached(CrashPoints.Step.MAIL_QUEUED);
        // the flag and the task stay until seat and mail are done, so that the sweep finishes both after a crash
        transitions.clearSeatReleasePending(ended.id());
        tasks.cancel(TaskRepository.Kind.FINISH_ENDING, ended.id());
        events.publishEvent(new EnrollmentEvents.SeatReleased(new EnrollmentId(e.id()), o.id(), to));
        waitlist.dispatch(o.id(), null);
        return ended;
    }

    /** WAITLISTED → LEFT. */
    public EnrollmentDocument leave(EnrollmentDocument e, String by, String note) {
        Instant now = clock.instant();
        EnrollmentDocument left = transitions.markLeft(e.id(), now, new HistoryItem(now, "LEFT", by, note))
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        seats.waitlistShrank(new OfferingId(e.offeringId()), 1);
        caps.give(left);
        log.info("Enrolment {}: left the waitlist of {} ({})", e.id(), e.offeringId(), by);
        return left;
    }

    /**
     * Ends an offer whose deadline has passed, as the expiry task would, when someone looks at it before the task
     * has run (the sweep runs every 30 s): the citizen never sees an offer they can no longer accept, and the next
     * in line gets the seat at once. Guarded like the task (still OFFERED, deadline passed), so whichever comes
     * second does nothing. Runs as the system.
     *
     * @return the entry as it is now
     */
    public EnrollmentDocument expireIfLapsed(EnrollmentDocument e) {
        Instant now = clock.instant();
        if (e.status() != EnrollmentStatus.OFFERED || e.offerExpiresAt() == null || now.isBefore(e.offerExpiresAt())) {
            return e;
        }
        return SystemIdentity.call(() -> {
            try {
                return endHolding(e, EnrollmentStatus.EXPIRED, "enrollment.reason.expired", SYSTEM, null,
                        EnrollmentTransitions.EndGuard.OFFER_RAN_OUT);
            } catch (EnrollmentRefusedException changed) {
                // the expiry task or an answer came first
                return enrollments.findById(e.id()).orElse(e);
            }
        });
    }

    /**
     * Finishes an ending that a crash cut off (its {@code seatReleasePending} flag is still set): gives the seat
     * back, adds the ending's mail unless it is there, clears the flag and offers the seat to the line. Each step
     * can be repeated safely.
     */
    void finish(EnrollmentDocument e) {
        OfferingId offering = new OfferingId(e.offeringId());
        seats.release(offering, e.id());
        catalog.offering(offering).ifPresent(o -> mailEnding(e, o, endingNote(e)));
        transitions.clearSeatReleasePending(e.id());
        log.warn("Recovery: enrolment {} ended at {} ({}) but its ending was not finished; seat released and mail"
                + " added if missing", e.id(), e.endedAt(), e.status());
        waitlist.dispatch(offering, null);
    }

    /** The mail that tells the citizen how their entry ended (added once: each has its key per entry). */
    private void mailEnding(EnrollmentDocument ended, Offering o, String note) {
        switch (ended.status()) {
            case DECLINED -> {
                if (!ACCOUNT_DELETED.equals(ended.endReason())) { // nobody said no: the account is going
                    mail.declined(ended, o);
                }
            }
            case WITHDRAWN -> mail.withdrawn(ended, o, note);
            case EXPIRED -> mail.expired(ended, o);
            default -> mail.cancelled(ended, o, ended.endReason(), note);
        }
    }

    /** The note recorded with the entry's ending (staff's reason), if any. */
    private static String endingNote(EnrollmentDocument ended) {
        List<HistoryItem> history = ended.history() == null ? List.of() : ended.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (ended.status().name().equals(history.get(i).what())) {
                return history.get(i).note();
            }
        }
        return null;
    }
}
