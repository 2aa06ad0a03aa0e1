package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.baeum.Application;
import org.baeum.BenchmarkPortal;
import org.baeum.SecondInstance;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.RoomKind;
import org.baeum.catalog.TermDraft;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TermType;
import org.baeum.catalog.internal.BranchRepository;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The enrolment "10:00 rush" (issue 6): thousands of signed-in citizens ask for one first-come offering with a few
 * seats at the same moment. Not a test: run it with {@code ./mvnw -o -Pbenchmark test -Dbenchmark.run=rush} (see
 * docs/performance.md, "Enrolment rush"). Prints Markdown tables.
 *
 * <ol>
 *   <li><b>Portal.</b> The whole portal ({@link Application}, web server on a free loopback port) on the embedded
 *       database with its H2 file in a new temp folder (the production default), no demo data.</li>
 *   <li><b>Before the opening</b> (not timed): {@code benchmark.citizens} verified citizens (plus
 *       {@code benchmark.rushWarmup} more for the warm-up), inserted through {@link AccountRepository} with one
 *       precomputed password hash, each given an API token through {@link ApiTokens#issue}, as if they had signed in
 *       before 10:00. One branch with one room per offering, one term and one program, and {@code 1 + benchmark.runs}
 *       published first-come offerings of {@code benchmark.seats} seats whose recruitment window is open, all made
 *       through {@link CatalogService} as the system identity.</li>
 *   <li><b>Warm-up</b> (reported, not a result): the warm-up citizens rush {@code benchmark.warmupRounds} (60) warm-up
 *       offerings of the same kind one after the other, the first 8 each followed by up to 1,000 bare-driver pairs,
 *       so that the JIT has compiled the paths measured next, as in a portal that has been running for a while (the
 *       tables show the JIT's compile time during each burst; with 8 rounds it still compiled for most of each of the
 *       first dozen measured runs on 2 cores).</li>
 *   <li><b>The rush</b>, {@code benchmark.runs} times, each on a fresh offering with the same citizens: one
 *       {@code POST /api/v1/offerings/{id}/enrollments} per citizen (bearer token, a new Idempotency-Key, no body)
 *       over HTTP/1.1 on loopback. Open load model: requests are started on their schedule, never in answer to an
 *       earlier answer. With {@code benchmark.rate=0} (the default) every request is due at the opening, and the
 *       client sends them as fast as it can, at most {@code benchmark.connections} at a time; with a rate, request
 *       i is due at opening + i / rate. Two latencies per request: <i>service time</i>, from the moment it went on the
 *       wire to its answer, and <i>response time</i>, from the moment it was due (its intended start) to its answer,
 *       which includes any wait for a free connection in the client.</li>
 *   <li><b>Checks</b>, from the database (read directly after the burst) and from the HTTP answers: exactly
 *       {@code seats} ENROLLED, the rest WAITLISTED with positions exactly 1..n (unique, no gap), nobody twice, the
 *       offering's {@code seatsTaken} = ENROLLED entries = size of {@code holders} (and they are the same ids),
 *       {@code seatsLeft} = capacity − taken, zero HTTP errors.</li>
 *   <li><b>Bare driver</b>, after each run, on the portal's own {@code MongoClient} and database: the least any
 *       enrolment must write, one guarded {@code findOneAndUpdate} of a copy of the offering ({@code seatsLeft > 0} →
 *       {@code $inc}; it always succeeds, so it always writes) plus one {@code insertOne} of a copy of a real
 *       enrolment document into a scratch collection with the same indexes as {@code enrollments}, from
 *       {@code benchmark.bareThreads} threads (one measurement per entry). The ratio printed is portal decisions per
 *       second ÷ the best bare pairs per second.</li>
 * </ol>
 *
 * <p>System properties: {@code benchmark.citizens} (5000), {@code benchmark.seats} (30), {@code benchmark.runs} (1),
 * {@code benchmark.rushWarmup} (1000), {@code benchmark.warmupRounds} (60), {@code benchmark.connections} (64), {@code benchmark.rate} (0 = as fast as the
 * client can), {@code benchmark.bareThreads} ({@code 1,8,64}; {@code 0}: none), {@code benchmark.calls} (300: timed
 * calls per step of the call-by-call table; 0: none), {@code benchmark.jfr} (a file: record the measured part with
 * Java Flight Recorder, profile settings), {@code benchmark.ceilings} (true: after the runs, the same client and
 * concurrency on {@code GET /actuator/health/liveness} and {@code GET /api/v1/me}, to show what HTTP and sign-in alone
 * cost), {@code benchmark.portalArgs} (more {@code --name=value} arguments for the portal, for experiments),
 * {@code benchmark.instances} (1; 2: a second portal in this JVM on the first one's embedded server, as
 * {@code BAEUM_MONGO_URI} would point it there, and each burst's and ceiling's requests sent to the two in turn; the
 * call-by-call table and the bare driver use the first).
 */
public final class RushBenchmark {

    private static final int CITIZENS = Integer.getInteger("benchmark.citizens", 5_000);
    private static final int SEATS = Integer.getInteger("benchmark.seats", 30);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 1);
    private static final int WARMUP = Integer.getInteger("benchmark.rushWarmup", 1_000);
    private static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmupRounds", 60);
    /** Warm-up rounds followed by bare-driver pairs (its code is small: the JIT is done with it long before). */
    private static final int BARE_WARMUP_ROUNDS = 8;
    private static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 64);
    private static final double RATE = Double.parseDouble(System.getProperty("benchmark.rate", "0"));
    private static final String BARE_THREADS = System.getProperty("benchmark.bareThreads", "1,8,64");
    private static final String JFR = System.getProperty("benchmark.jfr", "").strip();
    private static final int CALLS = Integer.getInteger("benchmark.calls", 300);
    private static final boolean CEILINGS = Boolean.parseBoolean(System.getProperty("benchmark.ceilings", "true"));
    /** More arguments for the portal, space-separated (experiments: {@code --some.setting=value}). */
    private static final String PORTAL_ARGS = System.getProperty("benchmark.portalArgs", "").strip();
    /**
     * 2: a second whole portal in this JVM on the first one's embedded server (as {@code BAEUM_MONGO_URI} would point
     * it there), each burst's requests sent to the two in turn (decision 0053); 1: one portal.
     */
    private static final int INSTANCES = Integer.getInteger("benchmark.instances", 1);

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final String ENROLLMENTS = "enrollments";
    private static final String OFFERINGS = "offerings";
    private static final String BARE_OFFERINGS = "rush_bare_offerings";
    private static final String BARE_ENROLLMENTS = "rush_bare_enrollments";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A citizen who signed in before the opening. */
    public record Citizen(String accountId, String email, String token) {
    }

    /** One request of a burst, as the client saw it. */
    record Answer(int citizen, long dueNanos, long sentNanos, long doneNanos, int status, String id, String decision,
                  Integer position, String error) {

        double serviceMs() {
            return (doneNanos - sentNanos) / 1e6;
        }

        double responseMs() {
            return (doneNanos - dueNanos) / 1e6;
        }
    }

    /** What the checks found for one burst. */
    record Check(long enrolled, long waitlisted, long otherStatus, boolean positionsExact, long duplicates,
                 int seatsTaken, int seatsLeft, int capacity, int holders, boolean holdersAreEnrolled, long httpErrors,
                 long httpEnrolled, long httpWaitlisted, boolean httpPositionsExact, boolean httpIdsMatch,
                 List<String> problems) {

        boolean oversold() {
            return enrolled > capacity || seatsTaken > capacity || holders > capacity || seatsLeft < 0;
        }

        boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A burst's outcome. */
    record Burst(String label, int n, double seconds, double perSecond, double[] service, double[] response,
                 double cpuSeconds, double jitSeconds, double gcSeconds, String loadBefore, String loadAfter, Check check) {
    }

    /** A bare-driver measurement. */
    record Bare(int threads, int pairs, double seconds, double perSecond, double[] latency, double cpuMsPerPair, boolean ok) {
    }

    private RushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (CITIZENS <= SEATS || SEATS < 1 || RUNS < 1 || CONNECTIONS < 1 || RATE < 0 || INSTANCES < 1 || INSTANCES > 2) {
            throw new IllegalArgumentException("Need citizens > seats >= 1, runs >= 1, connections >= 1, rate >= 0, instances 1 or 2");
        }
        System.out.printf(Locale.ROOT, "%n# Enrolment rush benchmark%n%n");
        System.out.printf(Locale.ROOT, "- JVM: %s %s, %d processors, max heap %d MB%n", System.getProperty("java.vm.name"),
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "- %d citizens rush a first-come offering of %d seats, %d run%s on fresh offerings; "
                        + "warm-up: %d other citizens rush %d other offerings of the same kind, one after the other%n",
                CITIZENS, SEATS, RUNS, RUNS == 1 ? "" : "s", WARMUP, WARMUP_ROUNDS);
        System.out.printf(Locale.ROOT, "- client: java.net.http, HTTP/1.1 on loopback, at most %d requests in flight; %s%n",
                CONNECTIONS, RATE == 0 ? "every request due at the opening, sent as fast as the client can"
                        : String.format(Locale.ROOT, "request i due at opening + i / %.0f per second", RATE));
        Path dir = Files.createTempDirectory("baeum-rush-benchmark-");
        long startupBegin = System.nanoTime();
        // the same settings as BAEUM_DATA_DIR=<temp> BAEUM_MONGO_EMBEDDED_STORE=h2 BAEUM_DEMO_DATA=false, given as
        // arguments so that a BAEUM_* variable in the caller's environment cannot point the run at real data
        List<String> portalArgs = new ArrayList<>(List.of(
                "--baeum.mongo.uri=", "--baeum.mongo.embedded-store=h2", "--baeum.mongo.data-dir=" + dir,
                "--baeum.mongo.embedded-port=0", "--server.port=0"));
        // both instances: mail to their own in-process SMTP server, no demo data, loopback only
        List<String> commonArgs = new ArrayList<>(List.of("--baeum.mail.host=", "--baeum.mail.embedded-port=0",
                "--baeum.demo.enabled=false", "--server.address=127.0.0.1",
                // one INFO line per enrolment, sign-in or outbox row would bury the tables; warnings still show
                "--logging.level.org.baeum.enrollment=warn", "--logging.level.org.baeum.notification=warn",
                "--logging.level.org.baeum.base.scheduling=warn", "--logging.level.org.baeum.catalog=warn"));
        if (!PORTAL_ARGS.isEmpty()) {
            commonArgs.addAll(List.of(PORTAL_ARGS.split("\\s+")));
            System.out.printf(Locale.ROOT, "- extra portal arguments: %s%n", PORTAL_ARGS);
        }
        portalArgs.addAll(commonArgs);
        ConfigurableApplicationContext context = BenchmarkPortal.start(portalArgs.toArray(String[]::new));
        ConfigurableApplicationContext second = null;
        try {
            System.out.printf(Locale.ROOT, "- portal started in %.1f s; data folder %s%n",
                    (System.nanoTime() - startupBegin) / 1e9, dir);
            List<ConfigurableApplicationContext> instances = new ArrayList<>(List.of(context));
            if (INSTANCES == 2) {
                long secondBegin = System.nanoTime();
                String uri = SecondInstance.databaseOf(context);
                second = SecondInstance.start(uri, null, List.of(), commonArgs.toArray(String[]::new));
                instances.add(second);
                System.out.printf(Locale.ROOT, "- second portal started in %.1f s on the first one's database (%s); "
                                + "each burst's requests go to the two in turn; process CPU is both portals' and the "
                                + "client's%n", (System.nanoTime() - secondBegin) / 1e9, uri);
            }
            measure(context, instances);
        } finally {
            if (second != null) {
                second.close();
            }
            context.close();
            deleteRecursively(dir);
        }
    }

    private static void measure(ConfigurableApplicationContext context, List<ConfigurableApplicationContext> instances)
            throws Exception {
        MongoDatabase database = context.getBean(MongoDatabase.class);
        List<URI> bases = instances.stream().map(c -> URI.create("http://127.0.0.1:"
                + c.getEnvironment().getRequiredProperty("local.server.port", Integer.class))).toList();
        URI base = bases.getFirst();

        // ---- before the opening (not timed) ----
        long setupBegin = System.nanoTime();
        List<OfferingId> offerings = new ArrayList<>();
        int warmupOfferings = WARMUP > 0 ? Math.max(1, WARMUP_ROUNDS) : 1;
        SystemIdentity.run(() -> offerings.addAll(createOfferings(context, warmupOfferings + RUNS)));
        List<Citizen> all = createCitizens(context, WARMUP + CITIZENS);
        List<Citizen> warmupCitizens = all.subList(0, WARMUP);
        List<Citizen> citizens = all.subList(WARMUP, all.size());
        System.out.printf(Locale.ROOT, "- before the opening: %d offerings, %d citizens with a token each, in %.1f s%n",
                offerings.size(), all.size(), (System.nanoTime() - setupBegin) / 1e9);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<Integer> bareThreads = Arrays.stream(BARE_THREADS.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equals("0")).map(Integer::parseInt).toList();

        // ---- warm-up (reported, but not a result): the JIT compiles the paths measured next ----
        List<Burst> warm = new ArrayList<>();
        for (int round = 0; WARMUP > 0 && round < warmupOfferings; round++) {
            Burst w = burst("warm-up " + (round + 1), http, bases, database, offerings.get(round), warmupCitizens);
            warm.add(w);
            Document enrollment = enrollmentTemplate(database, offerings.get(round));
            for (int threads : round < BARE_WARMUP_ROUNDS ? bareThreads : List.<Integer>of()) {
                bare(database, offerings.get(round), enrollment, Math.min(WARMUP, 1_000), threads);
            }
            System.out.printf(Locale.ROOT, "- warm-up %d done: %s%n", round + 1, summary(w));
        }

        // ---- the rush ----
        jdk.jfr.Recording recording = startRecording();
        List<Burst> bursts = new ArrayList<>();
        List<List<Bare>> bares = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            OfferingId offering = offerings.get(warmupOfferings + run - 1);
            Burst burst = burst("run " + run, http, bases, database, offering, citizens);
            bursts.add(burst);
            System.out.printf(Locale.ROOT, "- run %d: %s%n", run, summary(burst));
            burst.check().problems().forEach(p -> System.out.printf(Locale.ROOT, "  - **problem:** %s%n", p));
            Document enrollment = enrollmentTemplate(database, offering);
            List<Bare> measured = new ArrayList<>();
            for (int threads : bareThreads) {
                Bare b = bare(database, offering, enrollment, CITIZENS, threads);
                measured.add(b);
                System.out.printf(Locale.ROOT, "  - bare driver, %d thread%s: %d pairs in %.2f s, %.0f pairs/s, p50 %.1f ms, p99 %.1f ms, CPU %.2f ms per pair%s%n",
                        threads, threads == 1 ? "" : "s", b.pairs(), b.seconds(), b.perSecond(), b.latency()[0],
                        b.latency()[2], b.cpuMsPerPair(), b.ok() ? "" : " **(check failed)**");
            }
            bares.add(measured);
        }
        stopRecording(recording);

        // ---- ceilings: the same client and concurrency on requests that do less ----
        List<Ceiling> ceilings = new ArrayList<>();
        if (CEILINGS) {
            ceilings.add(ceiling("GET /actuator/health/liveness: HTTP, no sign-in, no database", http,
                    IntStream.range(0, citizens.size()).mapToObj(i -> HttpRequest.newBuilder(
                                    bases.get(i % bases.size()).resolve("/actuator/health/liveness"))
                            .timeout(Duration.ofSeconds(60)).GET().build()).toList()));
            ceilings.add(ceiling("GET /api/v1/me: HTTP, bearer token, the account and household read", http,
                    IntStream.range(0, citizens.size()).mapToObj(i -> HttpRequest.newBuilder(
                                    bases.get(i % bases.size()).resolve("/api/v1/me"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + citizens.get(i).token())
                            .GET().build())
                            .toList()));
            ceilings.forEach(c -> System.out.printf(Locale.ROOT, "- ceiling, %s: %.0f requests/s, service p50 %.1f / p99 %.1f ms, CPU %.2f ms per request, %d errors%n",
                    c.what(), c.perSecond(), c.service()[0], c.service()[2], c.cpuMsPer(), c.errors()));
        }

        // ---- one decision, call by call (after the runs, one thread, nothing else running) ----
        List<Step> steps = CALLS > 0 ? breakdown(context, http, base, offerings.getFirst(), citizens) : List.of();

        // ---- tables ----
        report(warm, bursts, bares);
        reportCeilings(ceilings, bursts, bares);
        reportSteps(steps);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the burst

    private static Burst burst(String label, HttpClient http, List<URI> bases, MongoDatabase database,
                               OfferingId offering, List<Citizen> citizens) throws Exception {
        int n = citizens.size();
        // every request is built before the opening, so building them is not measured; with two portals, request i
        // goes to portal i mod 2
        List<HttpRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Citizen c = citizens.get(i);
            URI uri = bases.get(i % bases.size()).resolve("/api/v1/offerings/" + offering.value() + "/enrollments");
            requests.add(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + c.token())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        Fired f = fire(http, requests, 201);
        Check check = check(database, offering, citizens, f.answers());
        return new Burst(label, n, f.seconds(), n / f.seconds(),
                percentiles(Arrays.stream(f.answers()).mapToDouble(Answer::serviceMs).toArray()),
                percentiles(Arrays.stream(f.answers()).mapToDouble(Answer::responseMs).toArray()),
                f.cpu(), f.jit(), f.gc(), f.loadBefore(), f.loadAfter(), check);
    }

    /** The answers to a burst of requests, and what the burst cost. */
    record Fired(Answer[] answers, double seconds, double cpu, double jit, double gc, String loadBefore, String loadAfter) {
    }

    /**
     * Sends the requests in the open load model: request i is due at the opening ({@code benchmark.rate} 0) or at
     * opening + i / rate, and goes out then or, when {@code benchmark.connections} are busy, as soon as one is free;
     * it is never held back by an answer to another request beyond that.
     */
    private static Fired fire(HttpClient http, List<HttpRequest> requests, int expectedStatus) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int n = requests.size();
        Answer[] answers = new Answer[n];
        Semaphore inFlight = new Semaphore(CONNECTIONS);
        List<CompletableFuture<?>> pending = new ArrayList<>(n);
        String loadBefore = loadAverage();
        long jitBefore = jitMillis();
        long gcBefore = gcMillis();
        long cpuBefore = os.getProcessCpuTime();
        long opening = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = RATE == 0 ? opening : opening + (long) (i * 1e9 / RATE);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 200_000));
            }
            inFlight.acquire();
            int index = i;
            long sent = System.nanoTime();
            pending.add(http.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        long done = System.nanoTime();
                        inFlight.release();
                        answers[index] = answer(index, due, sent, done, response, failure, expectedStatus);
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        long end = Arrays.stream(answers).mapToLong(Answer::doneNanos).max().orElse(opening);
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        double jit = (jitMillis() - jitBefore) / 1e3;
        double gc = (gcMillis() - gcBefore) / 1e3;
        return new Fired(answers, (end - opening) / 1e9, cpu, jit, gc, loadBefore, loadAverage());
    }

    /** Time the JIT compilers have spent so far (all compiler threads together). */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Time the garbage collectors have spent so far (pauses and concurrent work, as the JVM counts it). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static Answer answer(int index, long due, long sent, long done, HttpResponse<String> response,
                                 Throwable failure, int expectedStatus) {
        if (failure != null) {
            return new Answer(index, due, sent, done, -1, null, null, null, failure.toString());
        }
        if (response.statusCode() != expectedStatus) {
            return new Answer(index, due, sent, done, response.statusCode(), null, null, null,
                    abbreviate(response.body()));
        }
        if (expectedStatus != 201) {
            return new Answer(index, due, sent, done, response.statusCode(), null, null, null, null);
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            JsonNode position = body.get("waitlistPosition");
            return new Answer(index, due, sent, done, 201, text(body.get("id")), text(body.get("status")),
                    position == null || position.isNull() ? null : position.asInt(), null);
        } catch (RuntimeException e) {
            return new Answer(index, due, sent, done, 201, null, null, null, "unreadable body: " + abbreviate(response.body()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the checks

    private static Check check(MongoDatabase database, OfferingId offering, List<Citizen> citizens, Answer[] answers) {
        List<String> problems = new ArrayList<>();
        int n = citizens.size();
        int waiting = n - SEATS;

        // the database, read directly
        List<Document> entries = database.getCollection(ENROLLMENTS).find(eq("offeringId", offering.value()))
                .into(new ArrayList<>());
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Integer> perParticipant = new HashMap<>();
        Set<String> enrolledIds = new HashSet<>();
        List<Integer> positions = new ArrayList<>();
        Set<Long> tickets = new HashSet<>();
        long ticketDuplicates = 0;
        for (Document e : entries) {
            String status = e.getString("status");
            byStatus.merge(String.valueOf(status), 1L, Long::sum);
            perParticipant.merge(String.valueOf(e.getString("participantId")), 1, Integer::sum);
            if ("ENROLLED".equals(status)) {
                enrolledIds.add(e.getString("_id"));
            } else if ("WAITLISTED".equals(status)) {
                positions.add(e.get("positionAtJoin") instanceof Number p ? p.intValue() : -1);
                if (e.get("ticket") instanceof Number t && !tickets.add(t.longValue())) {
                    ticketDuplicates++;
                }
            }
        }
        long enrolled = byStatus.getOrDefault("ENROLLED", 0L);
        long waitlisted = byStatus.getOrDefault("WAITLISTED", 0L);
        long other = entries.size() - enrolled - waitlisted;
        long duplicates = perParticipant.values().stream().filter(c -> c > 1).count();
        Set<String> expectedParticipants = new HashSet<>();
        citizens.forEach(c -> expectedParticipants.add(c.accountId()));
        boolean positionsExact = exactlyOneToN(positions, waiting);
        if (enrolled != SEATS) {
            problems.add("database: " + enrolled + " ENROLLED, expected " + SEATS);
        }
        if (waitlisted != waiting) {
            problems.add("database: " + waitlisted + " WAITLISTED, expected " + waiting);
        }
        if (other != 0) {
            problems.add("database: entries in other states " + byStatus);
        }
        if (!positionsExact) {
            problems.add("database: waitlist positions are not exactly 1.." + waiting);
        }
        if (ticketDuplicates != 0) {
            problems.add("database: " + ticketDuplicates + " waitlist tickets issued twice");
        }
        if (duplicates != 0) {
            problems.add("database: " + duplicates + " participants have more than one entry");
        }
        if (!perParticipant.keySet().equals(expectedParticipants)) {
            problems.add("database: the participants are not exactly the citizens who asked");
        }

        Document seats = database.getCollection(OFFERINGS).find(eq("_id", offering.value())).first();
        int capacity = seats == null ? -1 : seats.getInteger("capacity", -1);
        int taken = seats == null ? -1 : seats.getInteger("seatsTaken", -1);
        int left = seats == null ? -1 : seats.getInteger("seatsLeft", -1);
        List<Document> holderList = seats == null ? List.of() : seats.getList("holders", Document.class, List.of());
        Set<String> holderIds = new HashSet<>();
        holderList.forEach(h -> holderIds.add(h.getString("id")));
        boolean holdersAreEnrolled = holderIds.equals(enrolledIds) && holderIds.size() == holderList.size();
        if (capacity != SEATS) {
            problems.add("offering: capacity " + capacity + ", expected " + SEATS);
        }
        if (taken != enrolled || taken != holderList.size()) {
            problems.add("offering: seatsTaken " + taken + ", ENROLLED " + enrolled + ", holders " + holderList.size());
        }
        if (left != capacity - taken) {
            problems.add("offering: seatsLeft " + left + " is not capacity − seatsTaken = " + (capacity - taken));
        }
        if (!holdersAreEnrolled) {
            problems.add("offering: the holders are not exactly the ENROLLED entries");
        }

        // the HTTP answers
        Map<String, Long> errorKinds = new TreeMap<>();
        long httpEnrolled = 0;
        long httpWaitlisted = 0;
        List<Integer> httpPositions = new ArrayList<>();
        Set<String> httpIds = new HashSet<>();
        for (Answer a : answers) {
            if (a.status() != 201 || a.error() != null) {
                errorKinds.merge(a.status() + " " + a.error(), 1L, Long::sum);
                continue;
            }
            httpIds.add(a.id());
            if ("ENROLLED".equals(a.decision())) {
                httpEnrolled++;
            } else if ("WAITLISTED".equals(a.decision())) {
                httpWaitlisted++;
                httpPositions.add(a.position() == null ? -1 : a.position());
            } else {
                errorKinds.merge("201 with status " + a.decision(), 1L, Long::sum);
            }
        }
        long httpErrors = errorKinds.values().stream().mapToLong(Long::longValue).sum();
        boolean httpPositionsExact = exactlyOneToN(httpPositions, waiting);
        Set<String> dbIds = new HashSet<>();
        entries.forEach(e -> dbIds.add(e.getString("_id")));
        boolean httpIdsMatch = httpIds.equals(dbIds);
        if (httpErrors != 0) {
            problems.add("HTTP: " + httpErrors + " errors " + abbreviate(errorKinds.toString()));
        }
        if (httpEnrolled != SEATS || httpWaitlisted != waiting) {
            problems.add("HTTP: " + httpEnrolled + " ENROLLED and " + httpWaitlisted + " WAITLISTED answers");
        }
        if (!httpPositionsExact) {
            problems.add("HTTP: the waitlist positions answered are not exactly 1.." + waiting);
        }
        if (!httpIdsMatch) {
            problems.add("HTTP: the ids answered are not exactly the entries in the database");
        }
        return new Check(enrolled, waitlisted, other, positionsExact, duplicates, taken, left, capacity,
                holderList.size(), holdersAreEnrolled, httpErrors, httpEnrolled, httpWaitlisted, httpPositionsExact,
                httpIdsMatch, problems);
    }

    private static boolean exactlyOneToN(List<Integer> positions, int n) {
        if (positions.size() != n) {
            return false;
        }
        boolean[] seen = new boolean[n + 1];
        for (int p : positions) {
            if (p < 1 || p > n || seen[p]) {
                return false;
            }
            seen[p] = true;
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the bare driver

    /**
     * A WAITLISTED enrolment of the offering as the portal stored it (the bare insert copies it, so it has the same
     * size and fields); a stand-in with the same fields when there is none (the portal answered nothing).
     */
    private static Document enrollmentTemplate(MongoDatabase database, OfferingId offering) {
        Document stored = database.getCollection(ENROLLMENTS)
                .find(and(eq("offeringId", offering.value()), eq("status", "WAITLISTED"))).first();
        if (stored != null) {
            return stored;
        }
        System.out.printf(Locale.ROOT, "  - no enrolment stored: the bare driver inserts a stand-in document%n");
        Date now = new Date();
        return new Document("offeringId", offering.value()).append("termId", "term-000000000000")
                .append("offeringTitleKo", "수영 초급 정규반 (러시)").append("offeringTitleEn", "Swimming for beginners (rush)")
                .append("participantId", "rush-citizen-00000").append("householdId", "rush-citizen-00000")
                .append("participantName", "시민00000").append("status", "WAITLISTED").append("ticket", 1L)
                .append("rank", 1.0).append("positionAtJoin", 1).append("baseFee", 30_000L).append("amount", 30_000L)
                .append("reductionPercent", 0).append("payment", "UNPAID").append("refundAmount", 0L)
                .append("createdAt", now).append("assisted", false)
                .append("history", List.of(new Document("at", now).append("what", "WAITLISTED").append("by", "rush-citizen-00000")));
    }

    /**
     * {@code pairs} times, from {@code threads} threads: one guarded {@code findOneAndUpdate} of a copy of the offering
     * ({@code seatsLeft > 0} → {@code $inc}, which always succeeds) and one {@code insertOne} of a copy of an enrolment
     * into a scratch collection with the indexes of {@code enrollments}. Both scratch collections are dropped after.
     */
    private static Bare bare(MongoDatabase database, OfferingId offering, Document enrollmentTemplate, int pairs,
                             int threads) throws Exception {
        MongoCollection<Document> scratchOfferings = database.getCollection(BARE_OFFERINGS);
        MongoCollection<Document> scratchEnrolments = database.getCollection(BARE_ENROLLMENTS);
        dropScratch(database);
        Document offeringCopy = database.getCollection(OFFERINGS).find(eq("_id", offering.value())).first();
        String scratchId = "bare-" + UUID.randomUUID();
        offeringCopy.put("_id", scratchId);
        offeringCopy.put("capacity", pairs + SEATS);
        offeringCopy.put("seatsTaken", 0);
        offeringCopy.put("seatsLeft", pairs + SEATS);
        scratchOfferings.insertOne(offeringCopy);
        for (Document index : database.getCollection(ENROLLMENTS).listIndexes()) {
            if ("_id_".equals(index.getString("name"))) {
                continue;
            }
            IndexOptions options = new IndexOptions().name(index.getString("name"))
                    .unique(index.getBoolean("unique", false)).sparse(index.getBoolean("sparse", false));
            scratchEnrolments.createIndex(index.get("key", Document.class), options);
        }
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        Document inc = new Document("$inc", new Document("seatsTaken", 1).append("seatsLeft", -1));
        double[] latencies = new double[pairs];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long begin = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < pairs) {
                        long start = System.nanoTime();
                        try {
                            Document seats = scratchOfferings.findOneAndUpdate(and(eq("_id", scratchId), gt("seatsLeft", 0)),
                                    inc, after);
                            Document copy = new Document(enrollmentTemplate);
                            String participant = "bare-participant-" + i;
                            copy.put("_id", EnrollmentRepository.newId()); // the portal's id scheme: ids made together sort together
                            copy.put("participantId", participant);
                            copy.put("offeringId", scratchId);
                            copy.put("activeKey", scratchId + "|" + participant);
                            copy.put("idemKey", participant + "|" + UUID.randomUUID());
                            copy.put("ticket", seats == null ? -1L : (long) seats.getInteger("seatsTaken", 0));
                            scratchEnrolments.insertOne(copy);
                            if (seats == null) {
                                failures.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = (System.nanoTime() - start) / 1e6;
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6;
        Document after2 = scratchOfferings.find(eq("_id", scratchId)).first();
        boolean ok = failures.get() == 0 && after2 != null && after2.getInteger("seatsTaken", -1) == pairs
                && scratchEnrolments.countDocuments() == pairs;
        dropScratch(database);
        return new Bare(threads, pairs, seconds, pairs / seconds, percentiles(latencies), cpuMs / pairs, ok);
    }

    /** Drops the scratch collections if they exist (dropping a missing one makes the embedded server log an error). */
    private static void dropScratch(MongoDatabase database) {
        for (String name : database.listCollectionNames()) {
            if (name.equals(BARE_OFFERINGS) || name.equals(BARE_ENROLLMENTS)) {
                database.getCollection(name).drop();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ceilings

    /** A burst of requests that do less than an enrolment, with the same client and concurrency. */
    record Ceiling(String what, int n, double seconds, double perSecond, double[] service, double cpuMsPer, double jit,
                   long errors) {
    }

    private static Ceiling ceiling(String what, HttpClient http, List<HttpRequest> requests) throws Exception {
        fire(http, requests.subList(0, Math.min(1_000, requests.size())), 200); // warm-up for this path
        Fired f = fire(http, requests, 200);
        long errors = Arrays.stream(f.answers()).filter(a -> a.error() != null || a.status() != 200).count();
        return new Ceiling(what, requests.size(), f.seconds(), requests.size() / f.seconds(),
                percentiles(Arrays.stream(f.answers()).mapToDouble(Answer::serviceMs).toArray()),
                f.cpu() * 1e3 / requests.size(), f.jit(), errors);
    }

    private static void reportCeilings(List<Ceiling> ceilings, List<Burst> bursts, List<List<Bare>> bares) {
        if (ceilings.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n## Ceilings on this machine: the same client and concurrency on less work%n%n");
        System.out.println("| what | requests/s | service p50 ms | p99 | CPU ms per request | JIT s | errors |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|");
        for (Ceiling c : ceilings) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.2f | %.1f | %d |%n", c.what(), c.perSecond(),
                    c.service()[0], c.service()[2], c.cpuMsPer(), c.jit(), c.errors());
        }
        bares.stream().flatMap(List::stream).max(Comparator.comparingDouble(Bare::perSecond)).ifPresent(b ->
                System.out.printf(Locale.ROOT, "| bare driver, best: guarded findOneAndUpdate + insertOne, %d threads, no HTTP | %.0f | %.1f | %.1f | %.2f | | |%n",
                        b.threads(), b.perSecond(), b.latency()[0], b.latency()[2], b.cpuMsPerPair()));
        Burst median = bursts.stream().sorted(Comparator.comparingDouble(Burst::perSecond)).toList().get((bursts.size() - 1) / 2);
        System.out.printf(Locale.ROOT, "| enrolment (%s, the median run) | %.0f | %.1f | %.1f | %.2f | %.1f | %d |%n", median.label(),
                median.perSecond(), median.service()[0], median.service()[2], median.cpuSeconds() * 1e3 / median.n(),
                median.jitSeconds(), median.check().httpErrors());
    }

    // ---------------------------------------------------------------------------------------------------------
    // one decision, call by call

    /** One step of a decision, timed on its own. */
    record Step(String what, String calls, int roundTrips, double[] ms) {
    }

    /**
     * What one waitlisted decision costs, call by call: each database call that {@code BearerTokenFilter},
     * {@code CitizenEnrollments.enroll} and {@code SeatDecider.enroll} make for a citizen who ends up on the
     * waitlist, timed {@code benchmark.calls} times one after the other on one thread, on the warm-up offering (full,
     * so the seat claim is refused as in the rush); then the whole {@code CitizenEnrollments.enroll} in-process, and the
     * whole HTTP request, one at a time. The sum of the parts against the whole shows what the rest costs (Spring, HTTP).
     */
    private static List<Step> breakdown(ConfigurableApplicationContext context, HttpClient http, URI base,
                                        OfferingId full, List<Citizen> citizens) throws Exception {
        var tokens = context.getBean(ApiTokens.class);
        var enrollments = context.getBean(EnrollmentRepository.class);
        var households = context.getBean(org.baeum.account.HouseholdService.class);
        var catalog = context.getBean(CatalogService.class);
        var accountService = context.getBean(org.baeum.account.AccountService.class);
        var caps = context.getBean(CapRepository.class);
        var fees = context.getBean(FeeQuotes.class);
        var seats = context.getBean(org.baeum.catalog.SeatLedger.class);
        var service = context.getBean(org.baeum.enrollment.CitizenEnrollments.class);
        int n = Math.min(CALLS, citizens.size() / 3);
        Citizen c = citizens.getFirst();
        BaeumUser user = new BaeumUser(c.accountId(), c.email(), "시민", EnumSet.of(Role.CITIZEN), true, Locale.KOREAN, null, 0L);
        var participantId = new org.baeum.account.ParticipantId(c.accountId());
        Document template = enrollmentTemplate(context.getBean(MongoDatabase.class), full);
        List<Step> steps = new ArrayList<>();
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var signedIn = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(user, null, user.getAuthorities()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(signedIn);
        try {
            var offering = catalog.offering(full).orElseThrow();
            var participant = households.participant(participantId);
            LocalDate today = LocalDate.now(SEOUL);
            steps.add(time("token and account", "BearerTokenFilter → ApiTokens.userFor (the account document holds its tokens: one read)", 1, n,
                    i -> tokens.userFor(c.token())));
            steps.add(time("replayed key? already active?", "CitizenEnrollments.enroll → SeatDecider.lookup → EnrollmentRepository.findReplayOrActive ($or of two unique keys)", 1, n,
                    i -> enrollments.findReplayOrActive(c.accountId() + "|" + UUID.randomUUID(), full.value(), "nobody-" + i)));
            steps.add(time("(participant, email confirmed)", "AccountService.myAccount: over HTTP the account read with the token is used (RequestMemo), so not in the sum; timed here without a request", 1, n,
                    i -> accountService.myAccount()));
            steps.add(time("offering", "CatalogService.offering (OfferingRepository.findById, mapping)", 1, n, i -> catalog.offering(full)));
            steps.add(time("cap rules", "CapPlaces.take → CapRepository.rules (read at most every 5 s per node)", 0, n, i -> caps.rules()));
            steps.add(time("fee", "FeeQuotes.fee → EligibilityService.bestReductionFor (the participant's claims; categories read at most every 5 s)", 1, n,
                    i -> fees.fee(offering, participant, today)));
            steps.add(time("(seat claim, refused)", "SeatLedger.claim (guarded findOneAndUpdate that matches nothing): only until this node has seen the offering without a seat; then the join is tried first, so not in the sum", 1, n,
                    i -> SystemIdentity.call(() -> seats.claim(full, "breakdown-" + i))));
            steps.add(time("waitlist ticket", "SeatLedger.join (guarded findOneAndUpdate, $inc)", 1, n, i -> SystemIdentity.call(() -> seats.join(full))));
            steps.add(time("insert entry", "EnrollmentRepository.insert (3 unique indexes)", 1, n, i -> {
                Document copy = new Document(template);
                String p = "breakdown-participant-" + i;
                copy.put("_id", EnrollmentRepository.newId());
                copy.put("participantId", p);
                copy.put("activeKey", full.value() + "|" + p);
                copy.put("idemKey", p + "|" + UUID.randomUUID());
                context.getBean(MongoDatabase.class).getCollection(ENROLLMENTS).insertOne(copy);
            }));
            // the whole command in-process: each citizen once, on the full warm-up offering (waitlisted)
            steps.add(time("whole CitizenEnrollments.enroll, in-process", "as the citizen, no HTTP", 6, n, i -> {
                Citizen who = citizens.get(i);
                BaeumUser u = new BaeumUser(who.accountId(), who.email(), "시민", EnumSet.of(Role.CITIZEN), true, Locale.KOREAN, null, 0L);
                signedIn.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                        .authenticated(u, null, u.getAuthorities()));
                service.enroll(full, null, UUID.randomUUID().toString());
            }));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
        // the whole request over HTTP, one at a time
        URI uri = base.resolve("/api/v1/offerings/" + full.value() + "/enrollments");
        steps.add(time("whole HTTP request, one at a time", "POST …/enrollments with a bearer token", 6, n, i -> {
            Citizen who = citizens.get(n + i);
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + who.token())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        return steps;
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    private static Step time(String what, String calls, int roundTrips, int n, Call call) throws Exception {
        for (int i = 0; i < Math.min(20, n); i++) {
            // a few untimed calls first (this path may not have run in this form yet)
            if (!what.startsWith("whole")) {
                call.run(n + i);
            }
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            call.run(i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] p = percentiles(ms);
        double mean = Arrays.stream(ms).average().orElse(Double.NaN);
        return new Step(what, calls, roundTrips, new double[] {mean, p[0], p[1], p[2]});
    }

    private static void reportSteps(List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n## One waitlisted decision, call by call (one thread, %d calls each, after the runs)%n%n", CALLS);
        System.out.println("| step | calls | round trips per call | mean ms | p50 | p95 | p99 |");
        System.out.println("|---|---|--:|--:|--:|--:|--:|");
        double perDecision = 0;
        for (Step s : steps) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f |%n", s.what(), s.calls(), s.roundTrips(),
                    s.ms()[0], s.ms()[1], s.ms()[2], s.ms()[3]);
            if (!s.what().startsWith("whole") && !s.what().startsWith("(")) {
                perDecision += s.ms()[0];
            }
        }
        System.out.printf(Locale.ROOT, "%nSum of the steps as one waitlisted decision makes them (the step in brackets not counted): %.2f ms.%n", perDecision);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the report

    private static void report(List<Burst> warm, List<Burst> bursts, List<List<Bare>> bares) {
        System.out.printf(Locale.ROOT, "%n## Bursts%n%n");
        System.out.println("| run | requests | burst s | decisions/s | service p50 ms | p95 | p99 | max | response p50 ms | p95 | p99 | max | errors | ENROLLED | WAITLISTED | positions 1..n | duplicates | seatsTaken = ENROLLED = holders | process CPU s | CPU ms per decision | JIT s | GC s | load before → after |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|---|--:|--:|--:|--:|---|");
        warm.forEach(RushBenchmark::row);
        bursts.forEach(RushBenchmark::row);

        System.out.printf(Locale.ROOT, "%n## Bare driver (guarded findOneAndUpdate + insertOne), after each run%n%n");
        System.out.println("| run | threads | pairs | s | pairs/s | p50 ms | p95 | p99 | max | CPU ms per pair | checks |");
        System.out.println("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        for (int r = 0; r < bares.size(); r++) {
            for (Bare b : bares.get(r)) {
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %.2f | %.0f | %.1f | %.1f | %.1f | %.1f | %.2f | %s |%n", r + 1,
                        b.threads(), b.pairs(), b.seconds(), b.perSecond(), b.latency()[0], b.latency()[1],
                        b.latency()[2], b.latency()[3], b.cpuMsPerPair(), b.ok() ? "ok" : "**failed**");
            }
        }

        System.out.printf(Locale.ROOT, "%n## Summary%n%n");
        double[] rates = bursts.stream().mapToDouble(Burst::perSecond).sorted().toArray();
        double[] p99s = bursts.stream().mapToDouble(b -> b.service()[2]).sorted().toArray();
        double[] ratios = new double[bursts.size()];
        for (int r = 0; r < bursts.size(); r++) {
            double bestBare = bares.get(r).stream().mapToDouble(Bare::perSecond).max().orElse(Double.NaN);
            ratios[r] = bursts.get(r).perSecond() / bestBare;
        }
        double[] sortedRatios = ratios.clone();
        Arrays.sort(sortedRatios);
        double bestBareOverall = bares.stream().flatMap(List::stream).mapToDouble(Bare::perSecond).max().orElse(Double.NaN);
        long oversold = bursts.stream().filter(b -> b.check().oversold()).count();
        long failed = bursts.stream().filter(b -> !b.check().ok()).count();
        long errors = bursts.stream().mapToLong(b -> b.check().httpErrors()).sum();
        System.out.println("| measure | value | goal | met |");
        System.out.println("|---|--:|---|---|");
        System.out.printf(Locale.ROOT, "| runs with oversell | %d of %d | 0 in 20 consecutive runs | %s |%n", oversold,
                bursts.size(), oversold > 0 ? "**no**" : bursts.size() >= 20 ? "yes" : "not judged (fewer than 20 runs)");
        System.out.printf(Locale.ROOT, "| runs failing any check | %d of %d | 0 | %s |%n", failed, bursts.size(), yes(failed == 0));
        System.out.printf(Locale.ROOT, "| HTTP errors, all runs | %d | 0 | %s |%n", errors, yes(errors == 0));
        System.out.printf(Locale.ROOT, "| decisions/s (median of runs; min) | %.0f; %.0f | ≥ 1,000 | %s |%n", median(rates),
                rates[0], yes(median(rates) >= 1_000));
        System.out.printf(Locale.ROOT, "| service time p99 ms (median of runs; max) | %.1f; %.1f | < 250 | %s |%n", median(p99s),
                p99s[p99s.length - 1], yes(median(p99s) < 250));
        System.out.printf(Locale.ROOT, "| bare driver pairs/s (best of all) | %.0f | | |%n", bestBareOverall);
        System.out.printf(Locale.ROOT, "| portal ÷ bare (median of runs; min), each run against its best bare rate | %.2f; %.2f | ≥ 0.50 | %s |%n",
                median(sortedRatios), sortedRatios[0], yes(median(sortedRatios) >= 0.5));
    }

    private static void row(Burst b) {
        Check c = b.check();
        System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %s | %d | %s | %.1f | %.1f | %.1f | %.1f | %s → %s |%n",
                b.label(), b.n(), b.seconds(), b.perSecond(), b.service()[0], b.service()[1], b.service()[2],
                b.service()[3], b.response()[0], b.response()[1], b.response()[2], b.response()[3], c.httpErrors(),
                c.enrolled(), c.waitlisted(), c.positionsExact() && c.httpPositionsExact() ? "yes" : "**no**",
                c.duplicates(), c.seatsTaken() == c.enrolled() && c.holders() == c.enrolled() && c.holdersAreEnrolled()
                        ? c.seatsTaken() + " = " + c.enrolled() + " = " + c.holders()
                        : "**" + c.seatsTaken() + " / " + c.enrolled() + " / " + c.holders() + "**",
                b.cpuSeconds(), b.cpuSeconds() * 1e3 / b.n(), b.jitSeconds(), b.gcSeconds(), b.loadBefore(), b.loadAfter());
    }

    private static String summary(Burst b) {
        return String.format(Locale.ROOT, "%d requests in %.2f s, %.0f decisions/s, service p50 %.1f / p99 %.1f ms, "
                        + "response p99 %.1f ms, CPU %.1f ms per decision, JIT %.1f s, %d errors, %d ENROLLED, %d WAITLISTED, "
                        + "checks %s", b.n(), b.seconds(), b.perSecond(), b.service()[0], b.service()[2], b.response()[2],
                b.cpuSeconds() * 1e3 / b.n(), b.jitSeconds(), b.check().httpErrors(),
                b.check().enrolled(), b.check().waitlisted(), b.check().ok() ? "passed" : "**FAILED**");
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    // ---------------------------------------------------------------------------------------------------------
    // before the opening

    /** One branch, one room per offering, one term, one program, and {@code count} published first-come offerings. */
    public static List<OfferingId> createOfferings(ConfigurableApplicationContext context, int count) {
        CatalogService catalog = context.getBean(CatalogService.class);
        BranchRepository branches = context.getBean(BranchRepository.class);
        branches.save(new BranchRepository.BranchDocument("rush", "러시 분관", "Rush branch", "서울 마포구 홍익로2길 16",
                "", "", "", 1));
        for (int i = 0; i < count; i++) {
            branches.save(new BranchRepository.RoomDocument(roomId(i), "rush", "러시 강의실 " + i, "Rush room " + i,
                    RoomKind.LIFELONG_LEARNING_ROOM, Math.max(SEATS, 30), "1F", true, i));
        }
        LocalDate today = LocalDate.now(SEOUL);
        LocalDate termStart = today.plusDays(30);
        TermId term = catalog.saveTerm(new TermDraft(null, "러시 학기", "Rush term", TermType.THREE_MONTH, termStart,
                termStart.plusDays(90)));
        ProgramId program = catalog.saveProgram(new ProgramDraft(null, "수영 초급 정규반 (러시)", "Swimming for beginners (rush)",
                "10시 정각에 모집을 여는 인기 강좌", "A popular class whose recruitment opens at 10:00", PolicyDomain.JOB_SKILLS,
                Audience.ADULT, ProgramKind.CLASS, null, null, new BranchId("rush"), List.of(), 30_000L, true,
                DeliveryFormat.ON_SITE, Set.<AccessibilityFeature>of(), null, null,
                org.baeum.catalog.Classification.of(org.baeum.catalog.LearningSubcategory.LEISURE_SPORTS)));
        LocalDateTime opens = LocalDateTime.now(SEOUL).minusHours(1).withSecond(0).withNano(0);
        LocalDateTime closes = LocalDateTime.of(termStart.minusDays(3), LocalTime.of(18, 0));
        List<OfferingId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OfferingId id = catalog.saveOffering(new OfferingDraft(null, program, term, roomId(i),
                    EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(10, 0), LocalTime.of(11, 50),
                    termStart, termStart.plusDays(60), SEATS, opens, closes, RecruitmentMethod.FIRST_COME));
            catalog.publish(id);
            ids.add(id);
        }
        return ids;
    }

    private static String roomId(int i) {
        return String.format(Locale.ROOT, "rush-room-%02d", i);
    }

    /**
     * {@code count} verified citizens with one precomputed password hash (no hashing per account), inserted through
     * {@link AccountRepository}, and an API token for each through {@link ApiTokens#issue}, from 8 threads.
     */
    public static List<Citizen> createCitizens(ConfigurableApplicationContext context, int count) throws Exception {
        AccountRepository accounts = context.getBean(AccountRepository.class);
        ApiTokens tokens = context.getBean(ApiTokens.class);
        String hash = context.getBean(PasswordEncoder.class).encode("rush-benchmark " + UUID.randomUUID());
        Citizen[] citizens = new Citizen[count];
        Instant now = Instant.now();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < count; i += 8) {
                        String n = String.format(Locale.ROOT, "%05d", i);
                        String id = "rush-citizen-" + n;
                        String email = "citizen-" + n + "@rush.baeum";
                        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i * 7L % 18_000);
                        accounts.insert(new AccountDocument(id, email, email, "시민" + n, List.of(Role.CITIZEN), true,
                                "ko", hash, now, String.format(Locale.ROOT, "010%08d", i), birth, "MAPO", now, 0L, true,
                                null, false)); // no fee-reduction claim yet, as sign-up makes them (decision 0060)
                        BaeumUser user = new BaeumUser(id, email, "시민" + n, EnumSet.of(Role.CITIZEN), true,
                                Locale.KOREAN, null, 0L);
                        citizens[i] = new Citizen(id, email, tokens.issue(user).token());
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
        return List.of(citizens);
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    private static jdk.jfr.Recording startRecording() throws Exception {
        if (JFR.isEmpty()) {
            return null;
        }
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.setDestination(Path.of(JFR));
        recording.start();
        System.out.printf(Locale.ROOT, "- JFR recording the measured part to %s%n", JFR);
        return recording;
    }

    private static void stopRecording(jdk.jfr.Recording recording) {
        if (recording != null) {
            recording.stop();
            recording.close();
        }
    }

    /** p50, p95, p99, max (nearest rank). */
    static double[] percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]};
    }

    private static double rank(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[(sorted.length - 1) / 2];
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String abbreviate(String s) {
        return s == null ? null : s.length() > 300 ? s.substring(0, 300) + "…" : s;
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
