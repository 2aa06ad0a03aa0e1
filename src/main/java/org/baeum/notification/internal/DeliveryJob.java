package org.baeum.notification.internal;

import org.baeum.base.scheduling.JobRuns;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job that delivers due notifications. Woken when a notification is added, on its one-shot triggers,
 * and by a sweep every minute; one run at a time per instance (instances share the work through atomic claims).
 */
@DisallowConcurrentExecution
class DeliveryJob implements Job {

    static final String NAME = "notification-delivery";

    private final Delivery delivery;
    private final JobRuns runs;
    private final DeliveryScheduling scheduling;

    DeliveryJob(Delivery delivery, JobRuns runs, DeliveryScheduling scheduling) {
        this.delivery = delivery;
        this.runs = runs;
        this.scheduling = scheduling;
    }

    @Override
    public void execute(JobExecutionContext context) {
        scheduling.runStarting();
        runs.run(NAME, () -> {
            Delivery.Result r = delivery.deliverDue();
            return new JobRuns.Outcome(r.sent(), r.failed() + r.retried());
        });
    }
}
