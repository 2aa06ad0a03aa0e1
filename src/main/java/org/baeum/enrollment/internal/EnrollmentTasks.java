package org.baeum.enrollment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.PaymentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The enrolment clock's work: due tasks (offers running out and their reminders, payment reminders and deadlines,
 * endings a crash cut off), each claimed atomically so that two instances never run one twice, each run as the
 * system. Every task checks that what it was scheduled for still holds, so a stale task does nothing.
 */
@Component
public class EnrollmentTasks {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentTasks.class);

    private final EnrollmentRepository enrollments;
    private final TaskRepository tasks;
    private final CatalogService catalog;
    private final Endings endings;
    private final PaymentSchedule payments;
    private final EnrollmentMail mail;
    private final CentreCancellations cancellations;
    private final Clock clock;

    EnrollmentTasks(EnrollmentRepository enrollments, TaskRepository tasks, CatalogService catalog, Endings endings,
                    PaymentSchedule payments, EnrollmentMail mail, CentreCancellations cancellations, Clock clock) {
        this.enrollments = enrollments;
        this.tasks = tasks;
        this.catalog = catalog;
        this.endings = endings;
        this.payments = payments;
        this.mail = mail;
        this.cancellations = cancellations;
        this.clock = clock;
    }

    /** Runs the tasks that are due; a failed one is tried again a minute later. */
    public int runDue(String owner) {
        int done = 0;
        for (Object id : tasks.dueIds(500)) {
            Optional<TaskRepository.Task> claimed = tasks.claim(id, owner);
            if (claimed.isEmpty()) {
                continue;
            }
            TaskRepository.Task task = claimed.get();
            try {
                SystemIdentity.run(() -> run(task));
                tasks.complete(task.id(), owner);
                done++;
            } catch (RuntimeException e) {
                log.warn("Enrolment task {} failed, retrying in a minute: {}", task.id(), e.toString());
                tasks.retry(task.id(), owner, clock.instant().plus(Duration.ofMinutes(1)), e.toString());
            }
        }
        return done;
    }

    public long pending() {
        return tasks.pending();
    }

    /** The draw application's number when the entry's offer is a lottery win ({@code DRAWN_WON}), else null. */
    private static String drawWon(EnrollmentDocument e) {
        return e.history() == null ? null : e.history().stream().filter(h -> "DRAWN_WON".equals(h.what()))
                .map(h -> h.note() == null ? "" : h.note()).findFirst().orElse(null);
    }

    private void run(TaskRepository.Task task) {
        if (task.kind() == TaskRepository.Kind.CENTRE_CANCELLATION) {
            cancellations.finish(task.enrollmentId(), task.note());
            return;
        }
        Optional<EnrollmentDocument> found = enrollments.findById(task.enrollmentId());
        if (found.isEmpty()) {
            return;
        }
        EnrollmentDocument e = found.get();
        Instant now = clock.instant();
        boolean offerRuns = e.status() == EnrollmentStatus.OFFERED && e.offerExpiresAt() != null;
        boolean unpaid = e.status() == EnrollmentStatus.ENROLLED && e.payment() == PaymentState.UNPAID;
        switch (task.kind()) {
            case OFFER_EXPIRY -> {
                if (offerRuns && !now.isBefore(e.offerExpiresAt())) {
                    endings.endHolding(e, EnrollmentStatus.EXPIRED, "enrollment.reason.expired", Endings.SYSTEM, null,
                            EnrollmentTransitions.EndGuard.OFFER_RAN_OUT);
                }
            }
            case OFFER_REMINDER -> {
                if (offerRuns && now.isBefore(e.offerExpiresAt())) {
                    String drawNumber = drawWon(e);
                    catalog.offering(new OfferingId(e.offeringId())).ifPresent(o -> {
                        if (drawNumber != null) {
                            mail.drawExpiring(e, o, drawNumber); // a lottery seat to confirm (decision 0050)
                        } else {
                            mail.offerExpiring(e, o);
                        }
                    });
                }
            }
            case PAYMENT_REMINDER -> {
                Instant deadline = unpaid ? payments.deadline(e.offeringId()) : null;
                if (deadline != null) {
                    catalog.offering(new OfferingId(e.offeringId()))
                            .ifPresent(o -> mail.paymentReminder(e, o, payments.payBy(e, deadline)));
                }
            }
            case PAYMENT_DUE -> {
                Instant deadline = unpaid ? payments.deadline(e.offeringId()) : null;
                if (deadline != null) {
                    Instant payBy = payments.payBy(e, deadline);
                    if (now.isBefore(payBy)) {
                        tasks.schedule(TaskRepository.Kind.PAYMENT_DUE, e.id(), payBy); // the deadline moved later
                        return;
                    }
                    endings.endHolding(e, EnrollmentStatus.RELEASED, "enrollment.reason.unpaid", Endings.SYSTEM, null,
                            EnrollmentTransitions.EndGuard.STILL_UNPAID);
                }
            }
            case CENTRE_CANCELLATION -> { } // handled above: the task names an offering
            case FINISH_ENDING -> {
                if (Boolean.TRUE.equals(e.seatReleasePending())) {
                    endings.finish(e);
                }
            }
        }
    }
}
