package org.baeum.enrollment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.OfferingRules;
import org.baeum.enrollment.PaymentState;
import org.springframework.stereotype.Component;

/**
 * When an unpaid enrolment must be paid and when it is reminded: the offering's payment deadline
 * ({@link OfferPolicy#payBy}), as tasks that the enrolment clock runs ({@link EnrollmentTasks}).
 */
@Component
public class PaymentSchedule {

    private final EnrollmentLists lists;
    private final OfferingRulesRepository offeringRules;
    private final TaskRepository tasks;
    private final OfferPolicy policy;
    private final Clock clock;

    PaymentSchedule(EnrollmentLists lists, OfferingRulesRepository offeringRules, TaskRepository tasks,
                    OfferPolicy policy, Clock clock) {
        this.lists = lists;
        this.offeringRules = offeringRules;
        this.tasks = tasks;
        this.policy = policy;
        this.clock = clock;
    }

    /** Schedules the reminder and deadline of an unpaid enrolment, when its offering has a deadline. */
    public void schedule(EnrollmentDocument e) {
        if (e.status() != EnrollmentStatus.ENROLLED || e.payment() != PaymentState.UNPAID || e.amount() == 0) {
            return;
        }
        Instant deadline = deadline(e.offeringId());
        if (deadline == null) {
            return;
        }
        Instant payBy = payBy(e, deadline);
        tasks.schedule(TaskRepository.Kind.PAYMENT_DUE, e.id(), payBy);
        Instant remind = policy.paymentReminder(clock.instant(), payBy);
        if (remind != null) {
            tasks.schedule(TaskRepository.Kind.PAYMENT_REMINDER, e.id(), remind);
        }
    }

    /** Every unpaid enrolment of the offering again, after staff changed its deadline. */
    public void rescheduleOffering(String offeringId) {
        for (EnrollmentDocument e : lists.ofOffering(offeringId, List.of(EnrollmentStatus.ENROLLED),
                EnrollmentRepository.MAX_LIST)) {
            schedule(e);
        }
    }

    /** The offering's payment deadline as staff set it; null when there is none. */
    public Instant deadline(String offeringId) {
        return offeringRules.find(offeringId).map(OfferingRules::paymentDeadline).orElse(null);
    }

    /** By when this enrolment pays, given the offering's deadline. */
    public Instant payBy(EnrollmentDocument e, Instant deadline) {
        return policy.payBy(e.enrolledAt() == null ? clock.instant() : e.enrolledAt(), deadline);
    }
}
