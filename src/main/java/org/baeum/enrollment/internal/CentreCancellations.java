package org.baeum.enrollment.internal;

import java.util.List;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingEvents;
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

    private final EnrollmentRepository enrollments;
    private final Endings endings;
    private final EnrollmentMail mail;
    private final CatalogService catalog;

    CentreCancellations(EnrollmentRepository enrollments, Endings endings, EnrollmentMail mail, CatalogService catalog) {
        this.enrollments = enrollments;
        this.endings = endings;
        this.mail = mail;
        this.catalog = catalog;
    }

    @EventListener
    void offeringCancelled(OfferingEvents.OfferingCancelled cancelled) {
        Offering o = catalog.offering(cancelled.offering()).orElse(null);
        if (o == null) {
            return;
        }
        int ended = SystemIdentity.call(() -> {
            int count = 0;
            for (EnrollmentDocument e : enrollments.ofOffering(o.id().value(), List.of(EnrollmentStatus.WAITLISTED,
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
        log.info("Offering {} cancelled from {}: {} entr(y/ies) ended", cancelled.offering().value(), cancelled.from(),
                ended);
    }

    private void end(EnrollmentDocument e, Offering o, OfferingEvents.OfferingCancelled cancelled) {
        switch (e.status()) {
            case WAITLISTED -> mail.cancelled(endings.leave(e, Endings.SYSTEM, cancelled.reason()), o, REASON,
                    cancelled.reason());
            case OFFERED -> endings.endHolding(e, EnrollmentStatus.WITHDRAWN, REASON, Endings.SYSTEM, cancelled.reason(),
                    EnrollmentRepository.EndGuard.NONE);
            case ENROLLED -> endings.endHolding(e, EnrollmentStatus.CANCELLED, REASON, Endings.SYSTEM, cancelled.reason(),
                    EnrollmentRepository.EndGuard.NONE, cancelled.from());
            default -> { }
        }
    }
}
