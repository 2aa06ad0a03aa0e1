package org.baeum.enrollment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingEvents;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Publication;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.EnrollmentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the centre cancels an offering (폐강), every entry in it ends and each household is mailed: the enrolled with
 * their fee refunded pro rata by the class days not given (평생교육법 시행령 별표 3 제1호), held offers withdrawn, the
 * waiting taken off the line.
 */
@Component
class CentreCancellations {

    private static final Logger log = LoggerFactory.getLogger(CentreCancellations.class);
    static final String REASON = "enrollment.reason.centreCancelled";

    private final EnrollmentLists lists;
    private final Endings endings;
    private final EnrollmentMail mail;
    private final CatalogService catalog;
    private final TaskRepository tasks;
    private final EnrollmentSettings settings;
    private final Clock clock;

    CentreCancellations(EnrollmentLists lists, Endings endings, EnrollmentMail mail, CatalogService catalog,
                        TaskRepository tasks, EnrollmentSettings settings, Clock clock) {
        this.lists = lists;
        this.endings = endings;
        this.mail = mail;
        this.catalog = catalog;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Ends every entry of the cancelled offering. A {@code CENTRE_CANCELLATION} task is added first and taken away
     * when all have ended; after a crash it runs ({@link #finish}) and ends those left, with the same day and reason.
     */
    @EventListener
    void offeringCancelled(OfferingEvents.OfferingCancelled cancelled) {
        String note = cancelled.from() + "|" + cancelled.reason();
        tasks.schedule(TaskRepository.Kind.CENTRE_CANCELLATION, cancelled.offering().value(),
                clock.instant().plus(settings.recoveryGrace()), note);
        int ended = endAll(cancelled.offering(), cancelled.from(), cancelled.reason());
        tasks.cancel(TaskRepository.Kind.CENTRE_CANCELLATION, cancelled.offering().value());
        log.info("Offering {} cancelled from {}: {} entr(y/ies) ended", cancelled.offering().value(), cancelled.from(),
                ended);
    }

    /** The task's work after a crash: ends the entries still active, with the day and reason in its note. */
    void finish(String offeringId, String note) {
        int bar = note == null ? -1 : note.indexOf('|');
        LocalDate from = bar < 0 ? LocalDate.now(clock.withZone(Formats.SEOUL)) : LocalDate.parse(note.substring(0, bar));
        String reason = bar < 0 ? null : note.substring(bar + 1);
        int ended = endAll(new OfferingId(offeringId), from, reason);
        log.warn("Recovery: offering {} was cancelled but {} entr(y/ies) were still active; ended", offeringId, ended);
    }

    private int endAll(OfferingId offeringId, LocalDate from, String reason) {
        Offering o = catalog.offering(offeringId).orElse(null);
        if (o == null || o.publication() != Publication.CANCELLED) {
            return 0;
        }
        OfferingEvents.OfferingCancelled cancelled = new OfferingEvents.OfferingCancelled(offeringId, from, reason);
        return SystemIdentity.call(() -> {
            int count = 0;
            for (EnrollmentDocument e : lists.ofOffering(o.id().value(), List.of(EnrollmentStatus.WAITLISTED,
                    EnrollmentStatus.OFFERED, EnrollmentStatus.ENROLLED), EnrollmentRepository.MAX_LIST)) {
                try {
                    end(e, o, cancelled);
                    count++;
                } catch (EnrollmentRefusedException changed) {
                    log.info("Enrolment {} changed while offering {} was cancelled", e.id(), o.id().value());
                }
            }
            return count;
        });
    }

    private void end(EnrollmentDocument e, Offering o, OfferingEvents.OfferingCancelled cancelled) {
        switch (e.status()) {
            case WAITLISTED -> mail.cancelled(endings.leave(e, Endings.SYSTEM, cancelled.reason()), o, REASON,
                    cancelled.reason());
            case OFFERED -> endings.endHolding(e, EnrollmentStatus.WITHDRAWN, REASON, Endings.SYSTEM, cancelled.reason(),
                    EnrollmentTransitions.EndGuard.NONE);
            case ENROLLED -> endings.endHolding(e, EnrollmentStatus.CANCELLED, REASON, Endings.SYSTEM, cancelled.reason(),
                    EnrollmentTransitions.EndGuard.NONE, cancelled.from());
            default -> { }
        }
    }
}
