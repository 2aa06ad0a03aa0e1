package org.baeum.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class DeliverySchedulingTest {

    @Autowired
    Scheduler scheduler;
    @Autowired
    DeliveryScheduling scheduling;
    @Autowired
    NotificationService notifications;

    /** Features add mail as the portal itself (the outbox refuses anybody else). */
    private java.util.Optional<String> enqueueAsSystem(org.baeum.notification.NotificationRequest request) {
        return org.baeum.base.security.SystemIdentity.call(() -> notifications.enqueue(request));
    }
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private List<Instant> fireTimes() throws Exception {
        return scheduler.getTriggersOfJob(DeliveryScheduling.JOB).stream().map(Trigger::getNextFireTime)
                .filter(java.util.Objects::nonNull).map(java.util.Date::toInstant).toList();
    }

    @Test
    void the_delivery_job_has_a_sweep_every_minute_that_skips_missed_runs() throws Exception {
        Trigger sweep = scheduler.getTrigger(org.quartz.TriggerKey.triggerKey("notification-delivery-sweep", "notification"));
        assertThat(sweep).isNotNull();
        assertThat(((org.quartz.SimpleTrigger) sweep).getRepeatInterval()).isEqualTo(Duration.ofMinutes(1).toMillis());
        assertThat(sweep.getMisfireInstruction())
                .isEqualTo(org.quartz.SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
    }

    @Test
    void a_notification_due_later_gets_a_one_shot_trigger_and_one_is_rebuilt_at_start_up() throws Exception {
        Instant later = clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        enqueueAsSystem(new NotificationRequest("later:1", NotificationKind.CLASS_REMINDER,
                new Recipient("a1", "later@example.com", "홍길동", Locale.KOREAN, true), List.of("a", "b", "c"), Map.of(),
                List.of(), later));
        // one trigger per due second, firing just after it begins
        java.util.function.Predicate<Instant> forLater = t -> !t.isBefore(later) && t.isBefore(later.plusSeconds(1));
        assertThat(fireTimes()).anyMatch(forLater);
        // as after a restart: the triggers are gone, the row is not
        for (Trigger t : scheduler.getTriggersOfJob(DeliveryScheduling.JOB)) {
            if (t.getNextFireTime() != null && forLater.test(t.getNextFireTime().toInstant())) {
                scheduler.unscheduleJob(t.getKey());
            }
        }
        assertThat(fireTimes()).noneMatch(forLater);
        scheduling.rebuildTriggers();
        assertThat(fireTimes()).anyMatch(forLater);
    }
}
