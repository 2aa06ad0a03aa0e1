package org.baeum.scale;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoDatabase;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.baeum.BenchmarkPortal;
import org.baeum.base.mongo.EmbeddedMongoServer;
import org.baeum.base.mongo.MongoSettings;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.internal.RushBenchmark;
import org.baeum.enrollment.internal.RushBenchmark.Citizen;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Faults in the middle of a rush on two instances (issue 20 item 2). Not a test: run it with
 * {@code ./mvnw -o -q -Pbenchmark test -Dbenchmark.run=faults} (docs/performance.md, "faults in the middle").
 *
 * <p>The shared database is its own thing: an {@link EmbeddedMongoServer} (H2 file in a temp folder, a fixed free port)
 * in this JVM. Instance A is a whole portal in this JVM ({@link BenchmarkPortal}); instance B is a whole portal in a
 * <b>child process</b> ({@code org.baeum.Application} on the main class path only), so that it can be killed with
 * SIGKILL. Both send mail to one SMTP server (GreenMail) in this JVM, so that it can be stopped and started and every
 * message it received counted by Message-ID. Recovery and mail retries are shortened by arguments
 * ({@code baeum.enrollment.sweep=2s}, {@code recovery-grace=5s}, mail {@code first-retry=1s}, {@code max-retry=4s},
 * {@code sweep=2s}); nothing else differs from production.
 *
 * <p>Three drills, each a rush of {@code benchmark.drillCitizens} (2,000) citizens on a fresh first-come offering of
 * {@code benchmark.seats} (30) seats, request i sent to A (even i) or B (odd i), due at opening + i / rate
 * ({@code benchmark.drillRate}, 300/s), at most 64 in flight:
 * <ol>
 *   <li><b>kill -9</b>: {@code destroyForcibly()} (SIGKILL) on B when 2/3 × seats requests are sent (while seats are
 *       still being taken); B started again with the same arguments.</li>
 *   <li><b>mail server down and back</b>: the SMTP server stopped at the opening (only the ENROLLED get a mail, and they
 *       are the first answered), started again on the same port 5 s later.</li>
 *   <li><b>database restarted</b>: the embedded server closed when 30% of the requests are sent, started again on the
 *       same port and file 3 s later.</li>
 * </ol>
 * After each: every request not answered 201 or 409 is sent once more with the same Idempotency-Key (what a client
 * does after a connection error or a 5xx), then the drill waits for the portals' own sweeps (no call into them) and
 * checks from the database: each 201 answered is stored under its id with the status answered (or OFFERED, for a
 * waitlisted entry a freed seat reached); nobody twice; ENROLLED + OFFERED = seats; the offering's seatsTaken = its
 * holders = the ENROLLED/OFFERED entries, every holder confirmed (nothing half-done left); waitlist positions unique.
 * At the end: every outbox row DONE and every Message-ID received exactly once; both instances' health UP.
 */
public final class FaultDrills {

    private static final int CITIZENS = Integer.getInteger("benchmark.drillCitizens", 2_000);
    private static final int SEATS = Integer.getInteger("benchmark.seats", 30);
    private static final double RATE = Double.parseDouble(System.getProperty("benchmark.drillRate", "300"));
    private static final int CONNECTIONS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String id, String decision, Integer position, long doneNanos, String error) {
        boolean ok() {
            return status == 201;
        }
    }

    record Result(String drill, int requests, Map<String, Long> firstRound, long aAfterFault, long retried,
                  Map<String, Long> retryRound, double recoverySeconds, List<String> problems) {
    }

    private final Path dir;
    private final MongoSettings dbSettings;
    private EmbeddedMongoServer database;
    private final int smtpPort;
    private GreenMail smtp;
    /** Message-ID → how many times received, over every incarnation of the SMTP server. */
    private final Map<String, Integer> received = new HashMap<>();
    private final List<String> childArgs;
    private final Path childLog;
    private final int portB;
    private Process b;
    private ConfigurableApplicationContext a;
    private URI baseA;
    private final URI baseB;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    private FaultDrills() throws Exception {
        dir = Files.createTempDirectory("baeum-fault-drills-");
        dbSettings = new MongoSettings("", "baeum", dir.resolve("db"), freePort(), Duration.ofSeconds(10),
                MongoSettings.EmbeddedStore.H2);
        smtpPort = freePort();
        portB = freePort();
        baseB = URI.create("http://127.0.0.1:" + portB);
        childLog = dir.resolve("instance-b.log");
        childArgs = List.of("--baeum.mongo.uri=mongodb://127.0.0.1:" + dbSettings.embeddedPort(),
                "--baeum.mail.host=127.0.0.1", "--baeum.mail.port=" + smtpPort, "--baeum.mail.starttls=false", "--baeum.demo.enabled=false",
                "--server.address=127.0.0.1", "--baeum.enrollment.sweep=2s", "--baeum.enrollment.recovery-grace=5s",
                "--baeum.notification.first-retry=1s", "--baeum.notification.max-retry=4s",
                "--baeum.notification.sweep=2s",
                "--logging.level.org.baeum.enrollment=warn", "--logging.level.org.baeum.notification=warn",
                "--logging.level.org.baeum.base.scheduling=warn", "--logging.level.org.baeum.catalog=warn",
                "--logging.level.org.mongodb.driver=error");
    }

    public static void main(String[] args) throws Exception {
        new FaultDrills().run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "%n# Faults in the middle: two instances, %d citizens, %d seats, %.0f requests/s%n%n",
                CITIZENS, SEATS, RATE);
        System.out.printf(Locale.ROOT, "- %d processors; load before: %s%n", Runtime.getRuntime().availableProcessors(), load());
        database = EmbeddedMongoServer.start(dbSettings);
        startSmtp();
        List<String> argsA = new ArrayList<>(childArgs);
        argsA.add("--server.port=0");
        long t0 = System.nanoTime();
        a = BenchmarkPortal.start(argsA.toArray(String[]::new));
        baseA = URI.create("http://127.0.0.1:" + a.getEnvironment().getRequiredProperty("local.server.port"));
        System.out.printf(Locale.ROOT, "- A (this JVM) up in %.1f s at %s%n", secondsSince(t0), baseA);
        // B never outlives this JVM, whatever happens to it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (b != null) {
                b.destroyForcibly();
            }
        }));
        List<Result> results = new ArrayList<>();
        try {
            startB();
            List<OfferingId> offerings = new ArrayList<>();
            SystemIdentity.run(() -> offerings.addAll(RushBenchmark.createOfferings(a, 3)));
            List<Citizen> citizens = RushBenchmark.createCitizens(a, CITIZENS);
            results.add(drill("kill -9 B", offerings.get(0), citizens, SEATS * 2 / 3, this::killB, this::startB));
            results.add(drill("mail server down 5 s", offerings.get(1), citizens, 0, this::stopSmtp, () -> {
                Thread.sleep(5_000);
                startSmtp();
            }));
            results.add(drill("database restarted after 3 s", offerings.get(2), citizens, citizens.size() * 3 / 10, this::stopDatabase, () -> {
                Thread.sleep(3_000);
                database = EmbeddedMongoServer.start(dbSettings);
            }));
            List<String> mailProblems = checkMail();
            report(results, mailProblems);
        } finally {
            if (b != null) {
                b.destroyForcibly().waitFor();
            }
            a.close();
            smtp.stop();
            database.close();
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    // ------------------------------------------------------------------------------------------------------------
    // one drill

    private Result drill(String name, OfferingId offering, List<Citizen> citizens, int faultAfter, Action fault,
                         Action repair) throws Exception {
        System.out.printf(Locale.ROOT, "- drill '%s' on %s: load %s%n", name, offering.value(), load());
        int n = citizens.size();
        String[] keys = new String[n];
        Arrays.setAll(keys, i -> UUID.randomUUID().toString());
        AtomicLong faultAt = new AtomicLong(Long.MAX_VALUE);
        CompletableFuture<Void> faultDone = new CompletableFuture<>();
        Answer[] answers = fire(offering, citizens, keys, i -> i % 2 == 0 ? baseA : baseB, faultAfter, () -> {
            Thread.ofVirtual().start(() -> {
                try {
                    faultAt.set(System.nanoTime());
                    fault.run();
                    System.out.printf(Locale.ROOT, "  - fault struck at %s%n", now());
                    if (!name.startsWith("database")) {
                        // (with the database down, this read would wait out the driver's 10 s and delay the repair)
                        Thread.sleep(1_000);
                        System.out.printf(Locale.ROOT, "  - 1 s after the fault: %s%n", leftovers(offering));
                    }
                    repair.run();
                    System.out.printf(Locale.ROOT, "  - repaired at %s%n", now());
                    faultDone.complete(null);
                } catch (Exception e) {
                    faultDone.completeExceptionally(e);
                }
            });
        });
        faultDone.get();
        long repairedAt = System.nanoTime();
        long aAfterFault = 0;
        for (int i = 0; i < n; i += 2) {
            if (answers[i].ok() && answers[i].doneNanos() > faultAt.get()) {
                aAfterFault++;
            }
        }
        Map<String, Long> first = tally(answers);
        // what a client does after a connection error or a 5xx: the same request once more, same Idempotency-Key
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (answers[i].status() != 201 && answers[i].status() != 409) {
                again.add(i);
            }
        }
        Answer[] retried = fire(offering, citizens, keys, i -> i % 2 == 0 ? baseA : baseB, -1, null, again);
        Map<String, Long> retryTally = tally(retried);
        for (int k = 0; k < again.size(); k++) {
            answers[again.get(k)] = retried[k];
        }
        List<String> problems = new ArrayList<>();
        double recovery = awaitRecovery(offering, problems);
        System.out.printf(Locale.ROOT, "  - settled %.1f s after the repair%n", secondsSince(repairedAt));
        check(offering, citizens, answers, problems);
        for (URI base : List.of(baseA, baseB)) {
            String health = health(base);
            if (!health.contains("\"status\":\"UP\"")) {
                problems.add("health of " + base + " after the drill: " + health);
            }
        }
        problems.forEach(p -> System.out.printf(Locale.ROOT, "  - **problem:** %s%n", p));
        return new Result(name, n, first, aAfterFault, again.size(), retryTally, recovery, problems);
    }

    /** What is half-done on the offering now: holders not confirmed, holders without an entry. */
    private String leftovers(OfferingId offering) {
        try {
            var ledger = SystemIdentity.call(() -> a.getBean(SeatLedger.class).ledger(offering)).orElseThrow();
            Set<String> ids = new HashSet<>();
            a.getBean(MongoDatabase.class).getCollection("enrollments").find(eq("offeringId", offering.value()))
                    .projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
            long unconfirmed = ledger.holders().stream().filter(h -> !h.confirmed()).count();
            long withoutEntry = ledger.holders().stream().filter(h -> !ids.contains(h.id())).count();
            return ledger.holders().size() + " holders, " + unconfirmed + " not confirmed, " + withoutEntry
                    + " without an entry; " + ids.size() + " entries";
        } catch (RuntimeException e) {
            return "not readable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String now() {
        return java.time.Instant.now().toString();
    }

    private interface Route {
        URI of(int i);
    }

    private Answer[] fire(OfferingId offering, List<Citizen> citizens, String[] keys, Route route, int faultAfter,
                          Runnable onFault) throws Exception {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < citizens.size(); i++) {
            all.add(i);
        }
        return fire(offering, citizens, keys, route, faultAfter, onFault, all);
    }

    /** Sends the requests of the given citizens, request k due at opening + k / rate, at most 64 in flight. */
    private Answer[] fire(OfferingId offering, List<Citizen> citizens, String[] keys, Route route, int faultAfter,
                          Runnable onFault, List<Integer> which) throws Exception {
        Answer[] answers = new Answer[which.size()];
        Semaphore inFlight = new Semaphore(CONNECTIONS);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long opening = System.nanoTime();
        for (int k = 0; k < which.size(); k++) {
            int i = which.get(k);
            if (k == faultAfter && onFault != null) {
                onFault.run();
            }
            long due = opening + (long) (k * 1e9 / RATE);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 200_000));
            }
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(route.of(i).resolve("/api/v1/offerings/" + offering.value()
                            + "/enrollments")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + citizens.get(i).token())
                    .header("Idempotency-Key", keys[i]).POST(HttpRequest.BodyPublishers.noBody()).build();
            int slot = k;
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, failure) -> {
                inFlight.release();
                answers[slot] = answer(r, failure);
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return answers;
    }

    private static Answer answer(HttpResponse<String> r, Throwable failure) {
        long done = System.nanoTime();
        if (failure != null) {
            Throwable t = failure.getCause() != null ? failure.getCause() : failure;
            return new Answer(-1, null, null, null, done, t.getClass().getSimpleName());
        }
        if (r.statusCode() != 201) {
            return new Answer(r.statusCode(), null, null, null, done, r.body());
        }
        JsonNode body = JSON.readTree(r.body());
        JsonNode position = body.get("waitlistPosition");
        return new Answer(201, body.get("id").asString(), body.get("status").asString(),
                position == null || position.isNull() ? null : position.asInt(), done, null);
    }

    private static Map<String, Long> tally(Answer[] answers) {
        return Arrays.stream(answers).collect(Collectors.groupingBy(
                x -> x.status() == -1 ? "conn:" + x.error() : x.status() >= 500 ? "5xx" : String.valueOf(x.status()),
                TreeMap::new, Collectors.counting()));
    }

    // ------------------------------------------------------------------------------------------------------------
    // checks

    /** Waits (up to 90 s) until the offering's holders are all confirmed and no seat is free while some wait. */
    private double awaitRecovery(OfferingId offering, List<String> problems) throws InterruptedException {
        SeatLedger seats = a.getBean(SeatLedger.class);
        long begin = System.nanoTime();
        String last = "";
        while (secondsSince(begin) < 90) {
            try {
                var ledger = SystemIdentity.call(() -> seats.ledger(offering)).orElseThrow();
                boolean allConfirmed = ledger.holders().stream().allMatch(SeatLedger.Holder::confirmed);
                if (allConfirmed && !SystemIdentity.call(() -> seats.needingAttention(1000)).contains(offering)) {
                    return secondsSince(begin);
                }
            } catch (RuntimeException e) {
                // the database may still be on its way back
                last = e.toString();
            }
            Thread.sleep(500);
        }
        problems.add("offering still needs attention 90 s after the drill (holders not confirmed or free seats) " + last);
        return Double.NaN;
    }

    private void check(OfferingId offering, List<Citizen> citizens, Answer[] answers, List<String> problems) {
        MongoDatabase db = a.getBean(MongoDatabase.class);
        Map<String, Document> entries = new HashMap<>();
        Map<String, Integer> perParticipant = new HashMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        Set<Integer> positions = new HashSet<>();
        long positionDuplicates = 0;
        for (Document e : db.getCollection("enrollments").find(eq("offeringId", offering.value()))) {
            entries.put(e.getString("_id"), e);
            perParticipant.merge(e.getString("participantId"), 1, Integer::sum);
            byStatus.merge(e.getString("status"), 1L, Long::sum);
            if ("WAITLISTED".equals(e.getString("status")) && e.get("positionAtJoin") instanceof Number p
                    && !positions.add(p.intValue())) {
                positionDuplicates++;
            }
        }
        long lost = 0;
        long changed = 0;
        for (Answer x : answers) {
            if (!x.ok()) {
                continue;
            }
            Document e = entries.get(x.id());
            if (e == null) {
                lost++;
            } else if (!x.decision().equals(e.getString("status"))
                    && !("WAITLISTED".equals(x.decision()) && "OFFERED".equals(e.getString("status")))) {
                changed++;
            }
        }
        long unanswered = Arrays.stream(answers).filter(x -> !x.ok()).count();
        int highest = positions.stream().mapToInt(Integer::intValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "  - database: %s; %d without a 201 after the retry; waitlist positions %s%n",
                byStatus, unanswered, highest == positions.size() && !positions.contains(0) ? "exactly 1.." + highest
                        : positions.size() + " unique up to " + highest + " (" + (highest - positions.size()) + " gaps)");
        if (lost > 0) {
            problems.add(lost + " enrolments answered 201 are not stored");
        }
        if (changed > 0) {
            problems.add(changed + " enrolments stored with another status than the 201 said");
        }
        long twice = perParticipant.values().stream().filter(c -> c > 1).count();
        if (twice > 0) {
            problems.add(twice + " citizens have more than one entry");
        }
        long active = byStatus.getOrDefault("ENROLLED", 0L) + byStatus.getOrDefault("OFFERED", 0L);
        if (active != SEATS) {
            problems.add("ENROLLED + OFFERED = " + active + ", seats " + SEATS);
        }
        if (positionDuplicates > 0) {
            problems.add(positionDuplicates + " waitlist positions given twice");
        }
        var ledger = SystemIdentity.call(() -> a.getBean(SeatLedger.class).ledger(offering)).orElseThrow();
        Set<String> holders = ledger.holders().stream().map(SeatLedger.Holder::id).collect(Collectors.toSet());
        Set<String> activeIds = entries.values().stream()
                .filter(e -> Set.of("ENROLLED", "OFFERED").contains(e.getString("status")))
                .map(e -> e.getString("_id")).collect(Collectors.toSet());
        if (ledger.seats().taken() != holders.size() || !holders.equals(activeIds)) {
            problems.add("seatsTaken " + ledger.seats().taken() + ", holders " + holders.size()
                    + ", active entries " + activeIds.size() + (holders.equals(activeIds) ? "" : " (not the same ids)"));
        }
        if (ledger.seats().left() != ledger.seats().capacity() - ledger.seats().taken()) {
            problems.add("seatsLeft " + ledger.seats().left() + " ≠ capacity − taken");
        }
        long unconfirmed = ledger.holders().stream().filter(h -> !h.confirmed()).count();
        if (unconfirmed > 0) {
            problems.add(unconfirmed + " holders still unconfirmed (half-done)");
        }
    }

    /** Every outbox row DONE, every Message-ID received exactly once over all the SMTP server's lives. */
    private List<String> checkMail() throws Exception {
        List<String> problems = new ArrayList<>();
        MongoDatabase db = a.getBean(MongoDatabase.class);
        long begin = System.nanoTime();
        while (secondsSince(begin) < 120
                && db.getCollection("outbox").countDocuments(in("status", "PENDING", "CLAIMED")) > 0) {
            Thread.sleep(1_000);
        }
        Map<String, Integer> byId = new HashMap<>();
        long deliveries;
        synchronized (received) {
            received.forEach((idAndTo, times) -> byId.merge(idAndTo.substring(0, idAndTo.indexOf(' ')), times, Integer::max));
            deliveries = received.values().stream().mapToInt(Integer::intValue).sum();
        }
        Map<String, Long> states = new TreeMap<>();
        Map<Integer, Long> attempts = new TreeMap<>();
        long missing = 0;
        long twice = 0;
        for (Document row : db.getCollection("outbox").find()) {
            states.merge(row.getString("status"), 1L, Long::sum);
            attempts.merge(row.getInteger("attempts", 0), 1L, Long::sum);
            int times = byId.getOrDefault(row.getString("messageId"), 0);
            if ("DONE".equals(row.getString("status")) && times == 0) {
                missing++;
            }
            if (times > 1) {
                twice++;
            }
        }
        System.out.printf(Locale.ROOT, "- outbox %s after %.1f s (rows by attempts: %s); %d deliveries received, %d Message-IDs%n", states,
                secondsSince(begin), attempts, deliveries, byId.size());
        if (states.keySet().stream().anyMatch(s -> !"DONE".equals(s))) {
            problems.add("outbox rows not DONE: " + states);
        }
        if (missing > 0) {
            problems.add(missing + " DONE rows whose Message-ID the SMTP server never received");
        }
        if (twice > 0) {
            problems.add(twice + " Message-IDs received more than once by the same recipient");
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------------------
    // faults

    private void startB() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !Path.of(p).normalize().endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", classPath, "org.baeum.Application", "--server.port=" + portB));
        command.addAll(childArgs);
        long t0 = System.nanoTime();
        b = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(childLog.toFile())).start();
        while (!health(baseB).contains("\"status\":\"UP\"")) {
            if (!b.isAlive() || secondsSince(t0) > 180) {
                throw new IllegalStateException("B did not come up; see " + childLog);
            }
            Thread.sleep(250);
        }
        System.out.printf(Locale.ROOT, "  - B (child process %d) up in %.1f s at %s%n", b.pid(), secondsSince(t0), baseB);
    }

    private void killB() throws Exception {
        b.destroyForcibly();
        b.waitFor();
        System.out.printf(Locale.ROOT, "  - B killed (SIGKILL), exit %d%n", b.exitValue());
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // one mailbox for everything, as the portal's own in-process server does (no mailbox per recipient)
        try {
            var everything = smtp.getUserManager().createUser("drill@baeum.localhost", "drill", "drill");
            // each delivery counted as it happens (GreenMail forgets its mail when stopped): Message-ID → recipient
            smtp.getUserManager().setMessageDeliveryHandler((message, address) -> {
                synchronized (received) {
                    received.merge(message.getMessage().getMessageID() + " " + address.getEmail(), 1, Integer::sum);
                }
                return everything;
            });
        } catch (com.icegreen.greenmail.user.UserException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stopSmtp() {
        smtp.stop();
    }

    private void stopDatabase() {
        database.close();
    }

    private String health(URI base) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // report

    private static void report(List<Result> results, List<String> mailProblems) {
        System.out.printf(Locale.ROOT, "%n## Faults in the middle%n%n");
        System.out.println("| drill | requests | first answers | 201 from A after the fault | sent again | answers to those | settled s after the retry | checks |");
        System.out.println("|---|--:|---|--:|--:|---|--:|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %d | %s | %.1f | %s |%n", r.drill(), r.requests(),
                    r.firstRound(), r.aAfterFault(), r.retried(), r.retryRound(), r.recoverySeconds(),
                    r.problems().isEmpty() ? "passed" : "**" + String.join("; ", r.problems()) + "**");
        }
        System.out.printf(Locale.ROOT, "%nMail, all drills: %s%n", mailProblems.isEmpty()
                ? "every outbox row DONE, every Message-ID received exactly once" : "**" + String.join("; ", mailProblems) + "**");
        System.out.printf(Locale.ROOT, "Load after: %s%n", load());
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
