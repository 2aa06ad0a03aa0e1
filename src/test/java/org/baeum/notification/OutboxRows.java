package org.baeum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.MutableClock;
import org.baeum.notification.internal.OutboxDocument;
import org.baeum.notification.internal.OutboxRepository;
import org.springframework.stereotype.Component;

/**
 * Puts rows into the outbox in a chosen state for tests, without racing the delivery job (which sends every due row
 * within seconds): a waiting row is due far in the future; a failed row is due tomorrow, and this claims and fails it
 * with the clock moved to tomorrow and back (the job's sweep runs once a minute, so it does not take it first).
 */
@Component
public class OutboxRows {

    /** A class reminder's parameters: the day, how many classes, and the lines (decision 0049). */
    public static final List<String> CLASS = List.of("12월 8일(화)", "1", "수영 초급 · 10:00 · 본관 수영장");
    private static final Map<String, String> LINKS = Map.of("open", "http://x/y");

    private final NotificationService notifications;

    /** Features add mail as the portal itself (the outbox refuses anybody else). */
    private java.util.Optional<String> enqueueAsSystem(org.baeum.notification.NotificationRequest request) {
        return org.baeum.base.security.SystemIdentity.call(() -> notifications.enqueue(request));
    }
    private final OutboxRepository outbox;
    private final MutableClock clock;

    OutboxRows(NotificationService notifications, OutboxRepository outbox, MutableClock clock) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static Recipient recipient(String email, String name) {
        return new Recipient("account-" + email, email, name, Locale.KOREAN, true);
    }

    /** A class reminder due in 30 days: waits (PENDING) for the whole test. */
    public String waiting(String key, Recipient to) {
        return enqueueAsSystem(new NotificationRequest(key, NotificationKind.CLASS_REMINDER, to, CLASS, LINKS,
                List.of(), clock.instant().plus(Duration.ofDays(30)))).orElseThrow();
    }

    /** A notification due now, sent by the delivery job (to the in-process mail server): returns once it is DONE. */
    public String sent(String key, NotificationKind kind, Recipient to, List<String> parameters) {
        String id = enqueueAsSystem(NotificationRequest.now(key, kind, to, parameters, LINKS)).orElseThrow();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outbox.findById(id).map(d -> d.status().name().equals("DONE")).orElse(false));
        return id;
    }

    /** A class reminder that failed for good with {@code error} after one attempt. */
    public String failed(String key, Recipient to, String error) {
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        String id = enqueueAsSystem(new NotificationRequest(key, NotificationKind.CLASS_REMINDER, to, CLASS, LINKS,
                List.of(), tomorrow)).orElseThrow();
        Duration jump = Duration.ofDays(1).plusMinutes(1);
        clock.advance(jump);
        try {
            String owner = "test-" + key;
            OutboxDocument claimed = outbox.due().claim(owner).orElseThrow();
            assertThat(claimed.id()).as("the row claimed is the one just added").isEqualTo(id);
            assertThat(outbox.due().fail(id, owner, error)).isTrue();
        } finally {
            clock.advance(jump.negated());
        }
        return id;
    }
}
