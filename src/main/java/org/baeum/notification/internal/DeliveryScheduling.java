package org.baeum.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
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
 * for a notification due later (coalesced: one per second; misfire: fire at once), and at start-up one for the
 * earliest pending row, so work left by a stopped instance goes on without waiting for the sweep.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryScheduling {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduling.class);
    static final JobKey JOB = JobKey.jobKey(DeliveryJob.NAME, "notification");
    /** Past the whole second, so that a trigger Quartz starts a little early still finds the notification due. */
    static final Duration AFTER_THE_SECOND = Duration.ofMillis(5);

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

    /**
     * A run at {@code when} (a notification due later). One trigger per second: notifications due at the same time
     * (a class's reminders, all due at 09:00) share one run instead of queueing one run each. The trigger fires a few
     * milliseconds into the second after (or at) {@code when}, because Quartz may start a trigger up to 2 ms before its
     * time, and a run that starts before {@code when} would not find the notification due.
     */
    public void wakeUpAt(Instant when) {
        if (!when.isAfter(clock.instant())) {
            wakeUp();
            return;
        }
        Instant second = when.truncatedTo(ChronoUnit.SECONDS);
        Instant at = (second.equals(when) ? second : second.plusSeconds(1)).plus(AFTER_THE_SECOND);
        TriggerKey key = TriggerKey.triggerKey("due-" + at.getEpochSecond(), JOB.getGroup());
        try {
            if (!scheduler.checkExists(key)) {
                scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(key).forJob(JOB).startAt(Date.from(at))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build());
            }
        } catch (ObjectAlreadyExistsException e) {
            // another thread added the same second's trigger meanwhile: that run sends this one too
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
