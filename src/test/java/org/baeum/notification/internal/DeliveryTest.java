package org.baeum.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.base.mail.EmbeddedSmtp;
import org.baeum.base.mail.SentMail;
import org.baeum.base.mail.SentMailbox;
import org.baeum.base.scheduling.DueWork;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class DeliveryTest {

    @Autowired
    NotificationService notifications;

    /** Features add mail as the portal itself (the outbox refuses anybody else). */
    private java.util.Optional<String> enqueueAsSystem(org.baeum.notification.NotificationRequest request) {
        return org.baeum.base.security.SystemIdentity.call(() -> notifications.enqueue(request));
    }
    @Autowired
    Delivery delivery;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    SentMailbox sent;
    @Autowired
    DeliveryScheduling scheduling;
    @Autowired
    Scheduler scheduler;
    @Autowired
    MutableClock clock;

    @Test
    void more_due_notifications_than_one_round_are_each_sent_once_with_their_message_ids() {
        int count = Delivery.ROUND + 120;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String n = String.format(Locale.ROOT, "%04d", i);
            ids.add(enqueueAsSystem(NotificationRequest.now("reminder:delivery-test:" + n, NotificationKind.CLASS_REMINDER,
                    new Recipient("acc-" + n, "reminded-" + n + "@example.com", "시민 " + n, Locale.KOREAN, true),
                    List.of("수영 초급반", "오전 9:00", "본관 수영장"),
                    Map.of("open", "https://baeum.example/o/" + n, "unsubscribe", "https://baeum.example/u/" + n))).orElseThrow());
        }
        // the Quartz wake-up delivers too; runs on one instance share the work through atomic claims
        delivery.deliverDue();
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> outbox.findById(id).orElseThrow().status() == DueWork.Status.DONE));

        Map<String, OutboxDocument> rows = ids.stream().map(id -> outbox.findById(id).orElseThrow())
                .collect(Collectors.toMap(OutboxDocument::messageId, Function.identity()));
        List<SentMail> received = EmbeddedSmtp.whole(sent, 0, 5_000).stream().filter(m -> rows.containsKey(m.messageId())).toList();
        assertThat(received).hasSize(count);
        assertThat(received.stream().map(SentMail::messageId).collect(Collectors.toSet())).hasSize(count);
        assertThat(received).allSatisfy(m -> assertThat(m.to()).containsExactly(rows.get(m.messageId()).toAddress()));
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.attempts()).isEqualTo(1));
    }

    @Test
    void notifications_due_within_the_same_second_share_one_wake_up_that_is_not_early() throws Exception {
        Instant second = clock.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Set<TriggerKey> before = new HashSet<>(scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup()));
        for (int i = 0; i < 50; i++) {
            scheduling.wakeUpAt(second.plusMillis(1 + 19L * i));
        }
        Set<TriggerKey> added = new HashSet<>(scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup()));
        added.removeAll(before);
        try {
            assertThat(added).hasSize(1);
            Trigger trigger = scheduler.getTrigger(added.iterator().next());
            assertThat(trigger.getStartTime().toInstant()).isEqualTo(second.plusSeconds(1).plus(DeliveryScheduling.AFTER_THE_SECOND));
            // a notification due at the whole second gets its own trigger just after it
            scheduling.wakeUpAt(second);
            Set<TriggerKey> now = new HashSet<>(scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup()));
            now.removeAll(before);
            assertThat(now).hasSize(2);
            added = now;
            assertThat(now.stream().map(this::startOf)).contains(second.plus(DeliveryScheduling.AFTER_THE_SECOND));
        } finally {
            for (TriggerKey key : added) {
                scheduler.unscheduleJob(key);
            }
        }
    }

    private Instant startOf(TriggerKey key) {
        try {
            return scheduler.getTrigger(key).getStartTime().toInstant();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
