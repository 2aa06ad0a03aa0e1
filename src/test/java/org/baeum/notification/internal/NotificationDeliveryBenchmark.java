package org.baeum.notification.internal;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.baeum.Application;
import org.baeum.BenchmarkPortal;
import org.baeum.base.mail.EmbeddedSmtpServers;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.bson.Document;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Mail delivery throughput: 10,000 class reminders, from the moment they are due in the outbox until the portal's
 * in-process SMTP server (GreenMail) has received all of them. Not a test: run it with
 * {@code ./mvnw -Pbenchmark test -Dbenchmark.run=mail} (see docs/performance.md). Prints Markdown tables.
 *
 * <p>Each run starts the whole portal ({@link Application}, web server on a free port) on the embedded database
 * with its H2 file in a new temp folder (the production default), no demo data, the in-process SMTP server, and
 * {@code baeum.notification.workers} delivery threads. Nothing is switched off: the Quartz wake-ups and the
 * one-minute sweep run as in production, and delivery is started only by them.
 *
 * <ol>
 *   <li>Enqueue: {@code benchmark.mails} {@link NotificationKind#CLASS_REMINDER} notifications through
 *       {@link NotificationService#enqueue}, one per recipient ({@code citizen-00001@bench.baeum}, …; every tenth
 *       in English), one at a time, as a reminder job would. With {@code benchmark.due=at} (the default) all are
 *       due at one instant T, {@code benchmark.lead} seconds after the first is added; T is the start of the clock.
 *       With {@code benchmark.due=now} each is due when it is added, delivery runs while the rest are still being
 *       added, and the clock starts with the first.</li>
 *   <li>Delivered: when GreenMail has stored all of them; the end of the clock is the latest GreenMail receive
 *       time. Per mail: latency = GreenMail's receive time − the row's {@code dueAt}.</li>
 *   <li>Checked: Message-IDs received more than once (duplicates), mail without a row, rows not DONE, rows that
 *       needed more than one attempt, again after a settle time.</li>
 * </ol>
 *
 * <p>System properties: {@code benchmark.mails} (10000), {@code benchmark.workers} (a list, {@code 1,4,8}: one
 * portal start per entry), {@code benchmark.due} ({@code at} or {@code now}), {@code benchmark.lead} (seconds from
 * the first enqueue to T, 90), {@code benchmark.timeout} (seconds to wait for delivery, 600).
 */
public final class NotificationDeliveryBenchmark {

    private static final int MAILS = Integer.getInteger("benchmark.mails", 10_000);
    private static final String WORKERS = System.getProperty("benchmark.workers", "1,4,8");
    private static final String DUE = System.getProperty("benchmark.due", "at").strip().toLowerCase(Locale.ROOT);
    private static final int LEAD_SECONDS = Integer.getInteger("benchmark.lead", 90);
    private static final int TIMEOUT_SECONDS = Integer.getInteger("benchmark.timeout", 600);
    private static final Duration SETTLE = Duration.ofSeconds(3);

    record Outcome(int workers, double enqueueSeconds, double totalSeconds, int received, int distinct, int duplicates,
                   int strangers, long done, long notDone, long retried, double p50, double p95, double p99, double max,
                   double cpuSeconds, long jobRuns) {
    }

    public static void main(String[] args) throws Exception {
        if (!DUE.equals("at") && !DUE.equals("now")) {
            throw new IllegalArgumentException("benchmark.due must be 'at' or 'now', not " + DUE);
        }
        System.out.printf(Locale.ROOT, "%n# Mail delivery benchmark%n%n");
        System.out.printf(Locale.ROOT, "- JVM: %s %s, %d processors, max heap %d MB%n", System.getProperty("java.vm.name"),
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "- %d class reminders, one per recipient; due: %s; workers: %s%n", MAILS,
                DUE.equals("at") ? "all at one instant T, " + LEAD_SECONDS + " s after the first enqueue"
                        : "each when it is added (delivery overlaps the enqueue)", WORKERS);
        List<Outcome> outcomes = new ArrayList<>();
        for (String w : WORKERS.split(",")) {
            outcomes.add(run(Integer.parseInt(w.strip())));
        }
        System.out.printf(Locale.ROOT, "%n## Summary (due: %s)%n%n", DUE);
        System.out.println("| workers | enqueue s | due → all received s | mails/s | latency p50 s | p95 s | p99 s | max s | duplicates | rows DONE | retried | process CPU s | job runs |");
        System.out.println("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (Outcome o : outcomes) {
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d of %d | %d | %.0f | %d |%n",
                    o.workers(), o.enqueueSeconds(), o.totalSeconds(), o.received() / o.totalSeconds(), o.p50(), o.p95(),
                    o.p99(), o.max(), o.duplicates(), o.done(), o.done() + o.notDone(), o.retried(), o.cpuSeconds(), o.jobRuns());
        }
    }

    private static Outcome run(int workers) throws Exception {
        Path dir = Files.createTempDirectory("baeum-mail-benchmark-");
        System.out.printf(Locale.ROOT, "%n## %d worker%s%n%n", workers, workers == 1 ? "" : "s");
        long startupBegin = System.nanoTime();
        // the same settings as BAEUM_DATA_DIR=<temp> BAEUM_MONGO_EMBEDDED_STORE=h2 BAEUM_DEMO_DATA=false, given as
        // arguments so that a BAEUM_* variable in the caller's environment cannot point the run at real data
        ConfigurableApplicationContext context = BenchmarkPortal.start(
                "--baeum.mongo.uri=", "--baeum.mongo.embedded-store=h2", "--baeum.mongo.data-dir=" + dir,
                "--baeum.mongo.embedded-port=0", "--baeum.mail.host=", "--baeum.mail.embedded-port=0",
                "--baeum.demo.enabled=false", "--server.port=0", "--baeum.notification.workers=" + workers,
                // one line per added notification (INFO) would bury the tables; warnings and errors still show
                "--logging.level.org.baeum.notification=warn", "--logging.level.org.baeum.base.scheduling=warn");
        try {
            System.out.printf(Locale.ROOT, "- portal started in %.1f s; data folder %s; load average before: %s%n",
                    (System.nanoTime() - startupBegin) / 1e9, dir, loadAverage());
            return measure(context, workers);
        } finally {
            context.close();
            deleteRecursively(dir);
        }
    }

    private static Outcome measure(ConfigurableApplicationContext context, int workers) throws Exception {
        NotificationService notifications = context.getBean(NotificationService.class);
        GreenMail greenMail = EmbeddedSmtpServers.of(context);
        MongoDatabase database = context.getBean(MongoDatabase.class);
        MongoCollection<Document> outbox = database.getCollection(OutboxRepository.COLLECTION);
        MongoCollection<Document> jobRuns = database.getCollection("job_runs");
        Scheduler scheduler = context.getBean(Scheduler.class);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        // ---- enqueue ----
        long runsAtFirst = jobRunCount(jobRuns);
        Instant first = Instant.now();
        Instant dueAt = DUE.equals("at") ? first.plusSeconds(LEAD_SECONDS) : null;
        long cpuAtFirst = os.getProcessCpuTime();
        long enqueueStart = System.nanoTime();
        for (int i = 1; i <= MAILS; i++) {
            int n = i;
            org.baeum.base.security.SystemIdentity.call(() -> notifications.enqueue(request(n, dueAt)));
        }
        double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;
        Instant enqueued = Instant.now();
        System.out.printf(Locale.ROOT, "- enqueued %d in %.1f s (%.0f/s); Quartz triggers now: %d%n", MAILS, enqueueSeconds,
                MAILS / enqueueSeconds, scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup()).size());
        Instant clockStart;
        long cpuStart;
        if (dueAt != null) {
            if (!enqueued.isBefore(dueAt.minusSeconds(1))) {
                throw new IllegalStateException("Enqueueing took until " + enqueued + ", later than T = " + dueAt
                        + ": raise -Dbenchmark.lead (now " + LEAD_SECONDS + " s)");
            }
            System.out.printf(Locale.ROOT, "- waiting %.1f s for T = %s%n",
                    Duration.between(Instant.now(), dueAt).toMillis() / 1e3, dueAt);
            while (Instant.now().isBefore(dueAt)) {
                Thread.sleep(Math.max(1, Math.min(200, Duration.between(Instant.now(), dueAt).toMillis())));
            }
            cpuStart = os.getProcessCpuTime();
            clockStart = dueAt;
        } else {
            cpuStart = cpuAtFirst;
            clockStart = first;
        }
        long runsBefore = runsAtStart(jobRuns, runsAtFirst);

        // ---- wait for delivery (the Quartz job delivers; this thread only watches GreenMail) ----
        long deadline = System.nanoTime() + Duration.ofSeconds(TIMEOUT_SECONDS).toNanos();
        long nextReport = System.nanoTime() + 10_000_000_000L;
        int received = 0;
        long pollNanos = 0;
        int polls = 0;
        long lastPoll = 0;
        while (received < MAILS && System.nanoTime() < deadline) {
            // every 100 ms, less often when a poll is expensive (at most 5 % of one core); the end of the clock is
            // GreenMail's receive time of the last message, not the moment a poll sees it
            Thread.sleep(Math.max(100, lastPoll * 20 / 1_000_000));
            long p = System.nanoTime();
            received = greenMail.getReceivedMessages().length;
            lastPoll = System.nanoTime() - p;
            pollNanos += lastPoll;
            polls++;
            if (System.nanoTime() > nextReport) {
                System.out.printf(Locale.ROOT, "  - %5.1f s after the start: %d received%n",
                        Duration.between(clockStart, Instant.now()).toMillis() / 1e3, received);
                nextReport += 10_000_000_000L;
            }
        }
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long runsAtEnd = jobRunCount(jobRuns);
        long runsSettled;
        if (received < MAILS) {
            System.out.printf(Locale.ROOT, "- **timed out** after %d s with %d of %d received%n", TIMEOUT_SECONDS, received, MAILS);
        }
        // settle: let anything still in flight arrive, so that late duplicates are counted too
        long busyDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outbox.countDocuments(Filters.in("status", "PENDING", "CLAIMED")) > 0 && System.nanoTime() < busyDeadline) {
            Thread.sleep(200);
        }
        Thread.sleep(SETTLE.toMillis());
        runsSettled = jobRunCount(jobRuns) - runsBefore;

        // ---- check ----
        Map<String, Instant> dueByMessageId = new HashMap<>();
        long done = 0;
        long notDone = 0;
        long retried = 0;
        for (Document row : outbox.find().projection(Projections.include("messageId", "dueAt", "status", "attempts"))) {
            dueByMessageId.put(row.getString("messageId"), row.getDate("dueAt").toInstant());
            if ("DONE".equals(row.getString("status"))) {
                done++;
            } else {
                notDone++;
            }
            if (row.getInteger("attempts", 0) > 1) {
                retried++;
            }
        }
        List<StoredMessage> stored = greenMail.getManagers().getImapHostManager().getAllMessages();
        Map<String, Integer> timesReceived = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        Instant last = clockStart;
        int strangers = 0;
        for (StoredMessage message : stored) {
            String id = messageId(message);
            timesReceived.merge(id, 1, Integer::sum);
            Instant at = message.getReceivedDate().toInstant();
            last = at.isAfter(last) ? at : last;
            Instant due = dueByMessageId.get(id);
            if (due == null) {
                strangers++;
            } else {
                latencies.add(Duration.between(due, at).toMillis());
            }
        }
        int duplicates = (int) timesReceived.values().stream().filter(n -> n > 1).count();
        double total = Duration.between(clockStart, last).toMillis() / 1e3;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "- load average after: %s; %d polls of GreenMail took %.2f s in all%n", loadAverage(),
                polls, pollNanos / 1e9);
        System.out.printf(Locale.ROOT, "- received %d messages, %d distinct Message-IDs, %d received more than once, %d without a row%n",
                stored.size(), timesReceived.size(), duplicates, strangers);
        System.out.printf(Locale.ROOT, "- outbox: %d DONE, %d not DONE, %d needed more than one attempt%n", done, notDone, retried);
        System.out.printf(Locale.ROOT, "- delivery job runs finished: %d until all were received, %d until the outbox was idle and %d s more%n",
                runsAtEnd - runsBefore, runsSettled, SETTLE.toSeconds());
        System.out.printf(Locale.ROOT, "- **due → all received: %.1f s, %.0f mails/s**; latency (receive − due) p50 %.1f s, p95 %.1f s, p99 %.1f s, max %.1f s; process CPU %.0f s%n",
                total, stored.size() / total, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e3, cpuSeconds);
        return new Outcome(workers, enqueueSeconds, total, stored.size(), timesReceived.size(), duplicates, strangers,
                done, notDone, retried, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e3, cpuSeconds, runsSettled);
    }

    /** The i-th reminder: a distinct recipient, due at {@code dueAt} (null: now). */
    static NotificationRequest request(int i, Instant dueAt) {
        String n = String.format(Locale.ROOT, "%05d", i);
        boolean english = i % 10 == 0;
        Recipient to = new Recipient("citizen-" + n, "citizen-" + n + "@bench.baeum", english ? "Citizen " + n : "시민" + n,
                english ? Locale.ENGLISH : Locale.KOREAN, true);
        String offering = "bench-offering-" + (i % 250);
        List<String> parameters = english
                ? List.of("Swimming for beginners, section " + (i % 12 + 1), "Tue 24 Nov 09:00", "Main centre, pool 2")
                : List.of("수영 초급 정규반 " + (i % 12 + 1) + "반", "11월 24일 (화) 오전 9:00", "본관 수영장 2레인");
        Map<String, String> links = Map.of(
                "open", "https://baeum.example/offerings/" + offering,
                "unsubscribe", "https://baeum.example/account/reminders?token=bench-" + n);
        return new NotificationRequest("reminder:" + offering + ":2026-11-24:citizen-" + n, NotificationKind.CLASS_REMINDER,
                to, parameters, links, List.of(), dueAt);
    }

    private static String messageId(StoredMessage message) {
        try {
            return message.getMimeMessage().getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In "at" mode, runs finished while waiting for T (the sweep) are not counted; in "now" mode all are. */
    private static long runsAtStart(MongoCollection<Document> jobRuns, long runsAtFirst) {
        return DUE.equals("at") ? jobRunCount(jobRuns) : runsAtFirst;
    }

    private static long jobRunCount(MongoCollection<Document> jobRuns) {
        Document run = jobRuns.find(Filters.eq("_id", DeliveryJob.NAME)).first();
        return run == null ? 0 : ((Number) run.get("runs")).longValue();
    }

    /** Nearest-rank percentile of milliseconds, in seconds. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e3;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
