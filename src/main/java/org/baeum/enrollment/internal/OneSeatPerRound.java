package org.baeum.enrollment.internal;

import java.util.Optional;
import org.baeum.base.security.SystemIdentity;
import org.baeum.enrollment.EnrollmentEvents;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At most one seat per participant in a round (issue 15), after the draw too: when a participant enrols through one
 * of a round's draw entries (a win accepted, or a seat offered from a draw's waitlist and accepted), their other
 * waiting places from the same application leave their lines, so the seats go to the next applicants in draw order.
 * An application's entries are told apart by the number in their first history item (decision 0029). A second offer
 * held at the same moment is left to run out or be declined.
 */
@Component
class OneSeatPerRound {

    private static final Logger log = LoggerFactory.getLogger(OneSeatPerRound.class);

    private final EnrollmentRepository enrollments;
    private final EnrollmentLists lists;
    private final Endings endings;

    OneSeatPerRound(EnrollmentRepository enrollments, EnrollmentLists lists, Endings endings) {
        this.enrollments = enrollments;
        this.lists = lists;
        this.endings = endings;
    }

    @EventListener
    void enrolled(EnrollmentEvents.Enrolled enrolled) {
        String id = enrolled.enrollment().value();
        if (!id.startsWith("drw-")) {
            return;
        }
        SystemIdentity.run(() -> enrollments.findById(id).flatMap(OneSeatPerRound::application).ifPresent(number -> {
            for (EnrollmentDocument other : lists.drawnWaitingOf(enrolled.participant().value())) {
                if (!other.id().equals(id) && application(other).filter(number::equals).isPresent()) {
                    try {
                        endings.leave(other, Endings.SYSTEM, number + ": " + enrolled.offering().value());
                        log.info("Enrolment {}: left the waitlist of {}, application {} has a seat in {}", other.id(),
                                other.offeringId(), number, enrolled.offering().value());
                    } catch (EnrollmentRefusedException changed) {
                        // it stopped waiting meanwhile (offered, or left): nothing to do
                    }
                }
            }
        }));
    }

    /** The application number a draw entry was made for: the note of its first history item. */
    static Optional<String> application(EnrollmentDocument e) {
        if (e.history() == null || e.history().isEmpty() || e.history().getFirst().note() == null) {
            return Optional.empty();
        }
        String what = e.history().getFirst().what();
        String note = e.history().getFirst().note();
        if ("DRAWN_WON".equals(what)) {
            return Optional.of(note);
        }
        int arrow = note.indexOf(" → ");
        return "DRAWN_WAITING".equals(what) && arrow > 0 ? Optional.of(note.substring(0, arrow)) : Optional.empty();
    }
}
