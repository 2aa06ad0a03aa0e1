package org.baeum.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.baeum.catalog.OfferingId;

/**
 * The long run (issue 20 item 5): {@code benchmark.minutes} (30) of mixed traffic ({@link SoakTraffic}) against two
 * instances on one database ({@link SoakInstances}), then every invariant ({@link SoakChecks}). Not a test (not in
 * {@code ./mvnw verify}): {@code ./mvnw -o -q -Pbenchmark test -Dbenchmark.run=soak} (docs/performance.md, "Soak").
 *
 * <p>Operations start at {@code benchmark.soakRate} (15) per second, each on its own virtual thread, at most
 * {@code benchmark.soakConcurrency} (32) at once (a start waits for a free place: the rate is a ceiling). Every 30 s
 * each instance's heap after a full GC and its open HTTP sessions are sampled with the requests of the window. After
 * the warm-up ({@code benchmark.soakWarmup} minutes, 5, or a third of a shorter run) a least-squares line is fitted to
 * the samples. The rules: heap is <b>flat</b> when the slope × 1 h is at most 5% of the instance's heap limit (it would
 * take 20 h or more to fill); sessions are flat when the slope × the post-warm-up time is at most 20% of their mean
 * (or 10 sessions). The run fails (exit 1) on any error, any broken invariant, or heap or sessions not flat.
 */
public final class SoakBenchmark {

    private static final double MINUTES = Double.parseDouble(System.getProperty("benchmark.minutes", "30"));
    private static final double RATE = Double.parseDouble(System.getProperty("benchmark.soakRate", "15"));
    private static final int CONCURRENCY = Integer.getInteger("benchmark.soakConcurrency", 32);
    private static final double WARMUP = System.getProperty("benchmark.soakWarmup", "").isBlank()
            ? Math.min(5, MINUTES / 3) : Double.parseDouble(System.getProperty("benchmark.soakWarmup"));
    private static final int SAMPLE_SECONDS = Integer.getInteger("benchmark.soakSample", 30);
    private static final String IDLE_TIMEOUT = System.getProperty("benchmark.soakIdleTimeout", "3m");

    record Sample(double minute, long heapA, long heapB, long sessionsA, long sessionsB, long requests, double seconds) {
    }

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%n# Soak: %.0f minutes of mixed traffic on two instances%n%n- JVM %s, %d processors,"
                        + " this JVM's max heap %d MB, B -Xmx%s; %.0f operations/s at most, %d at once; warm-up %.1f min;"
                        + " session idle timeout %s%n- load before: %s%n", MINUTES, Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, SoakInstances.HEAP_B,
                RATE, CONCURRENCY, WARMUP, IDLE_TIMEOUT, load());
        boolean passed;
        try (SoakInstances two = new SoakInstances(IDLE_TIMEOUT)) {
            SoakSetup setup = SoakSetup.make(two.a, 6, 8, 30, 300);
            System.out.printf(Locale.ROOT, "- A at %s (this JVM), B at %s (pid %d); %d classes of 8 seats, %d more"
                            + " offerings, %d citizens, 2 bookable resources%n", two.baseA, two.baseB, two.b.pid(),
                    setup.classes().size(), setup.browse().size(), setup.citizens().size());
            SoakStats stats = new SoakStats();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            SoakTraffic traffic = new SoakTraffic(http, two.bases(), setup, stats);
            AtomicReference<SoakHeap.Snapshot> afterWarmup = new AtomicReference<>();
            List<Sample> samples = run(two, setup, traffic, stats, afterWarmup);
            histograms(two, afterWarmup.get());
            System.out.printf(Locale.ROOT, "- traffic stopped %s; load: %s; settling, then the checks%n", Instant.now(),
                    load());
            SoakChecks checks = new SoakChecks(two.a);
            List<OfferingId> all = new ArrayList<>(setup.classes());
            all.addAll(setup.browse());
            List<String> problems = new ArrayList<>();
            checked(problems, "offerings", () -> settledOfferings(checks, all));
            checked(problems, "bookings", () -> checks.bookings(setup.facilities(), setup.firstBookingDay(), 13));
            checked(problems, "mail", () -> checks.mail(two.received));
            for (URI base : two.bases()) {
                if (!two.health(base).contains("\"status\":\"UP\"")) {
                    problems.add("health of " + base + ": " + two.health(base));
                }
            }
            passed = SoakReport.print(stats, samples, WARMUP, two.maxHeapA(), parseMb(SoakInstances.HEAP_B), checks,
                    problems, MINUTES * 60);
            System.out.printf(Locale.ROOT, "- load after: %s; B's log: %s%n", load(), two.dir.resolve("instance-b.log"));
        }
        System.exit(passed ? 0 : 1);
    }

    /** The class histograms at the end of the traffic, and their growth since the warm-up, to {@link SoakHeap#FILE}. */
    private static void histograms(SoakInstances two, SoakHeap.Snapshot afterWarmup) {
        try {
            if (afterWarmup == null) {
                System.out.println("- no class histogram after the warm-up (no sample past it)");
                return;
            }
            SoakHeap.write(afterWarmup, SoakHeap.Snapshot.take(two, MINUTES));
        } catch (Exception e) {
            System.out.printf(Locale.ROOT, "- class histograms failed: %s%n", e);
        }
    }

    private static List<Sample> run(SoakInstances two, SoakSetup setup, SoakTraffic traffic, SoakStats stats,
            AtomicReference<SoakHeap.Snapshot> afterWarmup) throws Exception {
        List<Sample> samples = new ArrayList<>();
        Semaphore places = new Semaphore(CONCURRENCY);
        AtomicLong started = new AtomicLong();
        long begin = System.nanoTime();
        long end = begin + (long) (MINUTES * 60e9);
        Thread sampler = Thread.ofPlatform().daemon().name("soak-sampler").start(() -> {
            long next = begin + SAMPLE_SECONDS * 1_000_000_000L;
            long before = 0;
            long windowStart = begin;
            while (!Thread.currentThread().isInterrupted()) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    continue;
                }
                try {
                    two.dropHeldMail();
                    long requests = stats.totals().values().stream().mapToLong(Long::longValue).sum();
                    Sample s = new Sample((System.nanoTime() - begin) / 60e9, two.heapA(), two.heapB(),
                            two.sessions(two.baseA, setup.admin().token()), two.sessions(two.baseB, setup.admin().token()),
                            requests - before, (System.nanoTime() - windowStart) / 1e9);
                    before = requests;
                    windowStart = System.nanoTime();
                    synchronized (samples) {
                        samples.add(s);
                    }
                    System.out.printf(Locale.ROOT, "  - %5.1f min: heap after GC A %.1f MB, B %.1f MB; sessions A %d, B"
                                    + " %d; %d requests in the window (%.1f/s), %d errors so far; load %s%n", s.minute(),
                            s.heapA() / 1e6, s.heapB() / 1e6, s.sessionsA(), s.sessionsB(), s.requests(),
                            s.requests() / s.seconds(), stats.errors(), load());
                    System.out.printf(Locale.ROOT, "    A's parts: %s%n", SoakHeap.partsA(two));
                    if (afterWarmup.get() == null && s.minute() >= WARMUP) {
                        afterWarmup.set(SoakHeap.Snapshot.take(two, s.minute()));
                        System.out.printf(Locale.ROOT, "    class histograms taken (after the warm-up)%n");
                    }
                } catch (Exception e) {
                    System.out.printf(Locale.ROOT, "  - sample failed: %s%n", e);
                }
                long now = System.nanoTime();
                do { // a slow sample skips the windows it overran, rather than sampling back to back
                    next += SAMPLE_SECONDS * 1_000_000_000L;
                } while (next <= now);
            }
        });
        try (ExecutorService ops = Executors.newVirtualThreadPerTaskExecutor()) {
            long n = 0;
            while (true) {
                long due = begin + (long) (n * 1e9 / RATE);
                if (due >= end || System.nanoTime() >= end) { // behind the rate on a slow machine: stop on time
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                places.acquire();
                started.incrementAndGet();
                ops.submit(() -> {
                    try {
                        traffic.op();
                    } finally {
                        places.release();
                    }
                });
                n++;
            }
            ops.shutdown();
            ops.awaitTermination(5, TimeUnit.MINUTES);
        }
        sampler.interrupt();
        sampler.join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf(Locale.ROOT, "- %d operations started in %.0f s (%.1f/s)%n", started.get(), seconds,
                started.get() / seconds);
        return samples;
    }

    private interface Check {
        List<String> run() throws Exception;
    }

    /** A check that throws is a broken check, reported as such (the other checks still run). */
    private static void checked(List<String> problems, String what, Check check) {
        try {
            problems.addAll(check.run());
        } catch (Exception e) {
            e.printStackTrace();
            problems.add("the " + what + " check failed to run: " + e);
        }
    }

    /**
     * The offering checks once the portals' own sweeps had time to confirm and offer what is due: a holder the request
     * left unconfirmed is confirmed by the enrolment sweep (every 30 s) once older than the recovery grace (2 min), so
     * the checks are repeated every 5 s for up to 4 min.
     */
    private static List<String> settledOfferings(SoakChecks checks, List<OfferingId> offerings) throws Exception {
        List<String> problems = List.of();
        for (int attempt = 0; attempt < 48; attempt++) {
            problems = checks.offerings(offerings);
            if (problems.isEmpty()) {
                return problems;
            }
            System.out.printf(Locale.ROOT, "  - offerings not settled yet (%d problems, first: %s); again in 5 s%n",
                    problems.size(), problems.getFirst());
            Thread.sleep(5_000);
        }
        return problems;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static long parseMb(String heap) {
        String h = heap.toLowerCase(Locale.ROOT);
        long n = Long.parseLong(h.replaceAll("[^0-9]", ""));
        return h.endsWith("g") ? n << 30 : h.endsWith("m") ? n << 20 : n;
    }
}
