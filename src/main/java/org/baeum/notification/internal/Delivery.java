package org.baeum.notification.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.base.scheduling.DueWork;
import org.baeum.base.scheduling.Foreground;
import org.baeum.notification.NotificationChannel;
import org.baeum.notification.NotificationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the outbox: one query lists up to {@value #ROUND} due rows, then {@code workers} threads each
 * claim one of them, send it through its channel and mark it sent, until the list is used up; then the next round.
 * Each worker keeps one sender per channel for its round (for mail: one SMTP connection). A
 * failed send is retried later with back-off and, after the last attempt, marked failed for staff. Safe to run on
 * several portal instances at once (each claim is atomic and re-checks that the row is still due).
 */
@Component
public class Delivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    /** Rows listed per round: one query (a full scan on the embedded server) per this many sends. */
    static final int ROUND = 500;

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
    private final Foreground foreground;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    Delivery(OutboxRepository outbox, List<NotificationChannel> channels, NotificationSettings settings, Clock clock,
             Foreground foreground) {
        this.foreground = foreground;
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
        DueWork<OutboxDocument> due = outbox.due();
        // while this instance is answering many requests (a rush), wait before each round and each send, for a bounded
        // time per run: the decisions people wait for come first, their mails a few seconds later (decision 0064)
        Foreground.Yield yield = foreground.startYielding();
        // one query lists what is due, then the workers claim those rows one by one (each claim is atomic and
        // fails for a row that another instance took meanwhile); rounds go on until nothing is due
        boolean claimedAny = true;
        while (claimedAny && !Thread.currentThread().isInterrupted() && !workers.isShutdown()) {
            if (!yield.awaitQuiet()) {
                break;
            }
            List<Object> ids = due.dueIds(ROUND);
            if (ids.isEmpty()) {
                break;
            }
            Queue<Object> queue = new ConcurrentLinkedQueue<>(ids);
            AtomicInteger claimed = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < Math.min(settings.workers(), ids.size()); w++) {
                String owner = instance + "/" + w;
                Future<?> worker;
                try {
                    worker = workers.submit(() -> {
                        // this worker's senders, by channel: the mail channel's keeps one SMTP connection open
                        Map<String, NotificationChannel.Sender> senders = new HashMap<>();
                        try {
                            for (Object id = queue.poll(); id != null; id = queue.poll()) {
                                if (!yield.awaitQuiet()) {
                                    break; // the portal is stopping: the row stays due
                                }
                                var row = due.claim(id, owner);
                                if (row.isEmpty()) {
                                    continue; // another worker or instance has it, or it is done
                                }
                                claimed.incrementAndGet();
                                switch (deliver(row.get(), owner, senders)) {
                                    case SENT -> sent.incrementAndGet();
                                    case RETRY -> retried.incrementAndGet();
                                    case FAILED -> failed.incrementAndGet();
                                }
                            }
                        } finally {
                            senders.values().forEach(NotificationChannel.Sender::close);
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                    break; // the portal is stopping: what is left stays due for the next start
                }
                running.add(worker);
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (workers.isShutdown()) {
                        // the portal is stopping and interrupted the worker: its row stays claimed until the lease
                        // runs out, then it is delivered after the next start
                        log.info("A delivery worker stopped with the portal: {}", e.getCause().toString());
                    } else {
                        log.error("A delivery worker stopped", e.getCause());
                    }
                }
            }
            // a round that claimed nothing (every row taken by others, or claims failing) ends the run; the
            // next wake-up or the sweep goes on
            claimedAny = claimed.get() > 0;
        }
        Result result = new Result(sent.get(), retried.get(), failed.get());
        if (result.done() > 0) {
            log.info("Mail delivery: {} sent, {} to retry, {} failed{}", result.sent(), result.retried(), result.failed(),
                    yield.waitedMillis() > 0 ? ", after waiting " + yield.waitedMillis() + " ms (all workers together)"
                            + " for the requests in flight" : "");
        }
        return result;
    }

    private enum Outcome { SENT, RETRY, FAILED }

    private Outcome deliver(OutboxDocument row, String owner, Map<String, NotificationChannel.Sender> senders) {
        NotificationChannel channel = channels.get(row.channel());
        try {
            if (channel == null) {
                throw new IllegalStateException("No channel '" + row.channel() + "'");
            }
            senders.computeIfAbsent(row.channel(), c -> channel.sender()).deliver(new NotificationChannel.Message(
                    row.id(), row.kind(), row.toAddress(), row.subject(), row.textBody(), row.htmlBody(), row.messageId(),
                    row.attachments().stream()
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
