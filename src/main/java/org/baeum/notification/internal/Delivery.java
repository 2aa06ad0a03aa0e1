package org.baeum.notification.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.base.scheduling.DueWork;
import org.baeum.notification.NotificationChannel;
import org.baeum.notification.NotificationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the outbox: {@code workers} threads each claim a row, send it through its channel and mark it
 * sent; a failed send is retried later with back-off and, after the last attempt, marked failed for staff. Safe to
 * run on several portal instances at once (claims are atomic).
 */
@Component
public class Delivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    /** What one run did. */
    public record Result(int sent, int retried, int failed) {
        public int done() {
            return sent + retried + failed;
        }
    }

    private final OutboxRepository outbox;
    private final Map<String, NotificationChannel> channels;
    private final NotificationSettings settings;
    private final Clock clock;
    private final ExecutorService workers;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    Delivery(OutboxRepository outbox, List<NotificationChannel> channels, NotificationSettings settings, Clock clock) {
        this.outbox = outbox;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.settings = settings;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "mail-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Delivers until nothing is due; returns the counts. */
    public Result deliverDue() {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < settings.workers(); w++) {
            String owner = instance + "/" + w;
            running.add(workers.submit(() -> {
                DueWork<OutboxDocument> due = outbox.due();
                for (var claimed = due.claim(owner); claimed.isPresent(); claimed = due.claim(owner)) {
                    switch (deliver(claimed.get(), owner)) {
                        case SENT -> sent.incrementAndGet();
                        case RETRY -> retried.incrementAndGet();
                        case FAILED -> failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("A delivery worker stopped", e.getCause());
            }
        }
        Result result = new Result(sent.get(), retried.get(), failed.get());
        if (result.done() > 0) {
            log.info("Mail delivery: {} sent, {} to retry, {} failed", result.sent(), result.retried(), result.failed());
        }
        return result;
    }

    private enum Outcome { SENT, RETRY, FAILED }

    private Outcome deliver(OutboxDocument row, String owner) {
        NotificationChannel channel = channels.get(row.channel());
        try {
            if (channel == null) {
                throw new IllegalStateException("No channel '" + row.channel() + "'");
            }
            channel.deliver(new NotificationChannel.Message(row.id(), row.kind(), row.toAddress(), row.subject(),
                    row.textBody(), row.htmlBody(), row.messageId(), row.attachments().stream()
                    .map(a -> new NotificationRequest.Attachment(a.fileName(), a.contentType(), a.content())).toList()));
            if (!outbox.due().complete(row.id(), owner)) {
                log.warn("Notification {} was sent after its claim ran out; it may be sent twice (same Message-ID)", row.id());
            }
            return Outcome.SENT;
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (row.attempts() >= settings.maxAttempts()) {
                outbox.due().fail(row.id(), owner, error);
                log.warn("Notification {} ({}) failed for good after {} attempts: {}", row.id(), row.kind(), row.attempts(), error);
                return Outcome.FAILED;
            }
            outbox.due().retry(row.id(), owner, clock.instant().plus(settings.backoff(row.attempts())), error);
            log.info("Notification {} ({}) not sent, attempt {}: {}", row.id(), row.kind(), row.attempts(), error);
            return Outcome.RETRY;
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
