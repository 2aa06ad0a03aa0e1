package org.baeum.enrollment.internal;

import org.baeum.account.ParticipantId;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.EnrollmentEvents;
import org.baeum.enrollment.EnrollmentId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What follows once an entry is ENROLLED (a seat at once, or an accepted offer): the payment's dates, the mail. */
@Component
class Confirmation {

    private final PaymentSchedule payments;
    private final EnrollmentMail mail;
    private final ApplicationEventPublisher events;
    private final CrashPoints crash;

    Confirmation(PaymentSchedule payments, EnrollmentMail mail, ApplicationEventPublisher events, CrashPoints crash) {
        this.payments = payments;
        this.mail = mail;
        this.events = events;
        this.crash = crash;
    }

    /** The entry was just enrolled: schedule its payment, mail the citizen, tell the other features. */
    void enrolled(EnrollmentDocument e, Offering o) {
        again(e, o);
        crash.reached(CrashPoints.Step.MAIL_QUEUED);
        events.publishEvent(new EnrollmentEvents.Enrolled(new EnrollmentId(e.id()), o.id(),
                new ParticipantId(e.participantId())));
    }

    /**
     * The same steps again after a crash may have cut them off: each is idempotent (tasks by their id, mail by its
     * key), so for an entry that finished normally this adds nothing.
     */
    void again(EnrollmentDocument e, Offering o) {
        payments.schedule(e);
        mail.enrolled(e, o);
    }
}
