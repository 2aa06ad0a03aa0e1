package org.baeum.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;

/**
 * When the delivery job runs (decision 0014): a sweep every minute (misfire: skip to the next, the sweep itself
 * catches up), "now" when a notification is added (coalesced: one pending wake-up at a time), a one-shot trigger
 * for a notification due later (misfire: fire at once), and at start-up one for the earliest pending row, so work
 * left by a stopped instance goes on without waiting for the sweep.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryScheduling {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduling.class);
    static final JobKey JOB = JobKey.jobKey(DeliveryJob.NAME, "notification");

    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final Scheduler scheduler;
    private final OutboxRepository outbox;
    private final Clock clock;

    DeliveryScheduling(@Lazy Scheduler scheduler, OutboxRepository outbox, Clock clock) {
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Bean
    JobDetail notificationDeliveryJob() {
        return JobBuilder.newJob(DeliveryJob.class).withIdentity(JOB).storeDurably()
                .withDescription("Sends due notifications from the outbox").build();
    }

    @Bean
    Trigger notificationDeliverySweep(NotificationSettings settings) {
        return TriggerBuilder.newTrigger().forJob(JOB).withIdentity("notification-delivery-sweep", "notification")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.sweep().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startAt(Date.from(Instant.now().plus(settings.sweep()))).build();
    }

    /** A run is starting: later additions need a new wake-up. */
    void runStarting() {
        wakeUpPending.set(false);
    }

    /** Asks for a run as soon as possible; many calls before it starts make one run. */
    public void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            try {
                scheduler.triggerJob(JOB);
            } catch (SchedulerException e) {
                wakeUpPending.set(false);
                log.warn("Could not wake the delivery job (the sweep will send within a minute): {}", e.getMessage());
            }
        }
    }

    /** A run at {@code when} (a notification due later). */
    public void wakeUpAt(Instant when) {
        if (!when.isAfter(clock.instant())) {
            wakeUp();
            return;
        }
        try {
            scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(JOB).startAt(Date.from(when))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build());
        } catch (SchedulerException e) {
            log.warn("Could not schedule the delivery job for {} (the sweep will send it): {}", when, e.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildTriggers() {
        outbox.due().nextDue().ifPresent(when -> {
            log.info("Pending notifications found at start-up; delivery runs at {}", when);
            wakeUpAt(when);
        });
    }
}
