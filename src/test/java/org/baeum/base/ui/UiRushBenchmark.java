package org.baeum.base.ui;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.OfferingId;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The enrolment rush in the browser's protocol (issue 20, item 3): {@code benchmark.uiCitizens} (1,000) signed-in
 * citizens have one offering's page open, and each presses the enrol button at a moment spread at random (uniformly,
 * seed 20) over {@code benchmark.uiWindow} seconds (10), then confirms in the dialog, through the UIDL requests a
 * browser sends ({@link VaadinBrowser}). Not a test: {@code ./mvnw -o -Pbenchmark test -Dbenchmark.run=uirush}
 * (docs/performance.md, "Performance: browser sessions").
 * <p>
 * Two round trips per person, each one UIDL request: <i>enrol</i> (the page's 신청하기: the server asks the enrolment
 * service what applies and opens the confirmation dialog) and <i>confirm</i> (the dialog's 신청하기: the enrolment
 * itself, then the panel refreshed). The outcome is read from the texts the confirm's answer puts on the page (the
 * status line: "… 신청이 완료되었습니다" or "대기자로 등록했습니다 …", from the Korean bundle).
 * <p>
 * <b>Against any deployment</b>: {@code -Dbenchmark.url=https://…/} with {@code -Dbenchmark.accounts=<file>} (one
 * {@code login password} per line, verified citizens not yet on the offering) and {@code -Dbenchmark.offering=<id>}
 * (a first-come offering open now and empty). Checks then come from the answers and the public API
 * ({@code GET /api/v1/offerings/{id}}: capacity and seats left before and after). Without a URL the benchmark starts
 * the portal here (embedded database, temp folder, no demo data), makes the citizens and a {@code benchmark.seats}
 * (30) seat offering, runs a warm-up rush of {@code benchmark.uiWarmup} (200) other citizens on another offering,
 * and also checks the database: ENROLLED entries = the offering's {@code seatsTaken} ≤ capacity, and = the
 * "enrolled" answers. The server heap is sampled every 50 ms during the rush (with the client in the same JVM, an
 * over-estimate) against {@code benchmark.heapLimitMb} (1024).
 */
public final class UiRushBenchmark {

    static final String PRIMARY = "baeum-enrol-primary";
    static final String SUBMIT = "baeum-enrol-submit";

    private static final String URL = System.getProperty("benchmark.url", "").strip();
    private static final String ACCOUNTS = System.getProperty("benchmark.accounts", "").strip();
    private static final String OFFERING = System.getProperty("benchmark.offering", "").strip();
    private static final int CITIZENS = Integer.getInteger("benchmark.uiCitizens", 1_000);
    private static final int SEATS = Integer.getInteger("benchmark.seats", 30);
    private static final int WARMUP = Integer.getInteger("benchmark.uiWarmup", 200);
    private static final double WINDOW = Double.parseDouble(System.getProperty("benchmark.uiWindow", "10"));
    private static final int THREADS = Integer.getInteger("benchmark.clientThreads", 8);
    private static final long HEAP_LIMIT_MB = Long.getLong("benchmark.heapLimitMb", 1024);
    private static final String PORTAL_ARGS = System.getProperty("benchmark.portalArgs", "").strip();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one person saw: the two round trips and the outcome. */
    record Press(double enrolMs, double confirmMs, double lateMs, String outcome, String error) {
    }

    private UiRushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%n# Enrolment rush in the browser protocol%n%n- JVM: %s %s, %d processors, max"
                        + " heap %d MB%n- %s citizens, presses spread over %.0f s%n", System.getProperty("java.vm.name"),
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                URL.isEmpty() ? String.valueOf(CITIZENS) : "the accounts of " + ACCOUNTS, WINDOW);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        if (!URL.isEmpty()) {
            List<String[]> accounts = Files.readAllLines(Path.of(ACCOUNTS)).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+", 2)).toList();
            rush(http, URI.create(URL), accounts, OFFERING, null);
            return;
        }
        try (UiBenchmarkPortal portal = UiBenchmarkPortal.start(PORTAL_ARGS)) {
            List<OfferingId> offerings = SystemIdentity.call(() -> portal.offerings(2, SEATS));
            URI base = URI.create("http://127.0.0.1:" + portal.port() + "/");
            List<String[]> warm = portal.citizens("warm", WARMUP).stream().map(e -> new String[] {e, portal.password})
                    .toList();
            List<String[]> people = portal.citizens("citizen", CITIZENS).stream()
                    .map(e -> new String[] {e, portal.password}).toList();
            if (WARMUP > 0) {
                System.out.printf(Locale.ROOT, "%n## Warm-up: %d other citizens on another offering (not a result)%n%n",
                        WARMUP);
                rush(http, base, warm, offerings.get(1).value(), null);
            }
            System.out.printf(Locale.ROOT, "%n## The rush%n%n");
            rush(http, base, people, offerings.get(0).value(), portal);
        }
    }

    private static void rush(HttpClient http, URI base, List<String[]> accounts, String offering,
                             UiBenchmarkPortal portal) throws Exception {
        Outcomes texts = Outcomes.korean();
        JsonNode before = offeringFacts(http, base, offering);
        String route = "catalog/offering/" + offering;
        // ---- before the opening: everyone signs in and has the page open (not timed) ----
        long setup = System.nanoTime();
        List<VaadinBrowser> browsers = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            browsers.add(new VaadinBrowser(http, base));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < accounts.size(); i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    VaadinBrowser b = browsers.get(index);
                    b.signIn(accounts.get(index)[0], accounts.get(index)[1]);
                    b.open(route);
                    if (!b.has(PRIMARY)) {
                        throw new IllegalStateException(accounts.get(index)[0] + " sees no enrol button on " + route);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        long heapOpen = SessionMemoryBenchmark.heapAfterGc();
        System.out.printf(Locale.ROOT, "- %d citizens signed in and opened /%s in %.1f s (%d client threads); offering"
                        + " before: capacity %d, seats left %d; heap after full GC with the pages open: %.1f MB%n",
                accounts.size(), route, (System.nanoTime() - setup) / 1e9, THREADS, before.path("capacity").asInt(),
                before.path("seatsLeft").asInt(), heapOpen / 1e6);

        // ---- the rush: each press due at a random moment of the window, on its own virtual thread ----
        Random random = new Random(20);
        long[] due = new long[accounts.size()];
        long windowNanos = (long) (WINDOW * 1e9);
        for (int i = 0; i < due.length; i++) {
            due[i] = (long) (random.nextDouble() * windowNanos);
        }
        AtomicLong peakHeap = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long cpuBefore = cpu();
        long gcBefore = gcMillis();
        Press[] presses = new Press[accounts.size()];
        long start = System.nanoTime() + 200_000_000L;
        try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < presses.length; i++) {
                int index = i;
                people.submit(() -> presses[index] = press(browsers.get(index), start + due[index], texts));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        double cpuSeconds = (cpu() - cpuBefore) / 1e9;
        long gc = gcMillis() - gcBefore;
        JsonNode after = offeringFacts(http, base, offering);

        // ---- what the people saw ----
        long enrolled = Arrays.stream(presses).filter(p -> "enrolled".equals(p.outcome())).count();
        long waitlisted = Arrays.stream(presses).filter(p -> "waitlisted".equals(p.outcome())).count();
        long errors = Arrays.stream(presses).filter(p -> p.error() != null).count();
        long unknown = presses.length - enrolled - waitlisted - errors;
        double[] enrol = Arrays.stream(presses).filter(p -> p.error() == null).mapToDouble(Press::enrolMs).sorted()
                .toArray();
        double[] confirm = Arrays.stream(presses).filter(p -> p.error() == null).mapToDouble(Press::confirmMs).sorted()
                .toArray();
        double[] both = Arrays.stream(presses).filter(p -> p.error() == null)
                .mapToDouble(p -> p.enrolMs() + p.confirmMs()).sorted().toArray();
        double[] late = Arrays.stream(presses).mapToDouble(Press::lateMs).sorted().toArray();
        System.out.printf(Locale.ROOT, "- the rush took %.1f s (window %.0f s); CPU of the whole process %.1f s; GC"
                + " pauses %d ms; peak heap used during the rush (portal + client) %.0f MB, limit %d MB: %s%n", seconds,
                WINDOW, cpuSeconds, gc, peakHeap.get() / 1e6, HEAP_LIMIT_MB,
                peakHeap.get() < HEAP_LIMIT_MB * 1_000_000 ? "within" : "OVER");
        System.out.println();
        System.out.println("| round trip (one UIDL request) | n | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        row("enrol button (opens the confirmation)", enrol);
        row("confirm button (enrols)", confirm);
        row("both, one after the other", both);
        row("client lateness: press sent after its due time", late);
        System.out.println();
        int capacity = after.path("capacity").asInt(-1);
        int seatsLeftBefore = before.path("seatsLeft").asInt(-1);
        int seatsLeftAfter = after.path("seatsLeft").asInt(-1);
        boolean ok = errors == 0 && unknown == 0 && enrolled <= seatsLeftBefore && seatsLeftAfter >= 0
                && seatsLeftBefore - seatsLeftAfter == enrolled
                && enrolled == Math.min(seatsLeftBefore, presses.length);
        System.out.printf(Locale.ROOT, "- answers on the page: %d enrolled, %d waitlisted, %d errors, %d other;"
                        + " public API after: capacity %d, seats left %d, waiting list %d%n", enrolled, waitlisted, errors,
                unknown, capacity, seatsLeftAfter, after.path("waitlistLength").asInt(-1));
        if (errors > 0) {
            Arrays.stream(presses).filter(p -> p.error() != null).limit(3)
                    .forEach(p -> System.out.printf(Locale.ROOT, "  - error: %s%n", p.error()));
        }
        if (portal != null) {
            MongoDatabase db = portal.context.getBean(MongoDatabase.class);
            long stored = db.getCollection("enrollments").countDocuments(
                    new Document("offeringId", offering).append("status", "ENROLLED"));
            Document seats = db.getCollection("offerings").find(eq("_id", offering)).first();
            int taken = seats == null ? -1 : seats.getInteger("seatsTaken", -1);
            int cap = seats == null ? -1 : seats.getInteger("capacity", -1);
            boolean dbOk = stored == taken && stored <= cap && stored == enrolled;
            ok &= dbOk;
            System.out.printf(Locale.ROOT, "- database: %d ENROLLED entries, seatsTaken %d, capacity %d: %s%n", stored,
                    taken, cap, dbOk ? "equal, no oversell" : "MISMATCH");
        }
        System.out.printf(Locale.ROOT, "- **checks: %s** (oversold: %d)%n", ok ? "all hold" : "FAILED",
                Math.max(0, enrolled - Math.max(0, seatsLeftBefore)));
        // the tabs leave (their UIs close), as the people close the page
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (VaadinBrowser b : browsers) {
                pool.submit(() -> {
                    b.leave();
                    return null;
                });
            }
        }
    }

    private static Press press(VaadinBrowser browser, long dueNanos, Outcomes texts) {
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double late = (System.nanoTime() - dueNanos) / 1e6;
        try {
            VaadinBrowser.Reply enrol = browser.click(PRIMARY);
            if (!browser.has(SUBMIT)) {
                return new Press(enrol.millis(), 0, late, null, "no confirmation dialog: " + enrol.texts());
            }
            VaadinBrowser.Reply confirm = browser.click(SUBMIT);
            return new Press(enrol.millis(), confirm.millis(), late, texts.of(confirm.texts()), null);
        } catch (Exception e) {
            return new Press(0, 0, late, null, e.toString());
        }
    }

    private static void row(String label, double[] ms) {
        if (ms.length == 0) {
            System.out.printf(Locale.ROOT, "| %s | 0 | | | | |%n", label);
            return;
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | **%.1f** | %.1f |%n", label, ms.length, rank(ms, 50),
                rank(ms, 95), rank(ms, 99), ms[ms.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The offering as the public API gives it (capacity, seatsLeft, waitlistLength). */
    private static JsonNode offeringFacts(HttpClient http, URI base, String offering) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("api/v1/offerings/" + offering))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/offerings/" + offering + ": " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime()))
                .sum();
    }

    /** Recognises the outcome in the status line's text, from the portal's Korean messages. */
    record Outcomes(Pattern enrolled, Pattern waitlisted) {

        static Outcomes korean() throws Exception {
            Properties messages = new Properties();
            try (InputStream in = UiRushBenchmark.class.getResourceAsStream("/i18n/messages_ko.properties")) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return new Outcomes(pattern(messages.getProperty("enrol.result.enrolled")),
                    pattern(messages.getProperty("enrol.result.waitlisted")));
        }

        /** A message with its {@code {n}} arguments as "anything". */
        private static Pattern pattern(String message) {
            String[] parts = message.split("\\{\\d+}", -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }

        String of(List<String> texts) {
            for (String t : texts) {
                if (enrolled.matcher(t).matches()) {
                    return "enrolled";
                }
                if (waitlisted.matcher(t).matches()) {
                    return "waitlisted";
                }
            }
            return "unknown: " + texts;
        }
    }
}
