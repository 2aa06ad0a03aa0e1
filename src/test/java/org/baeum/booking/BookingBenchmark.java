package org.baeum.booking;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.baeum.BenchmarkPortal;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.Place;
import org.baeum.capacity.CapacityLedger;
import org.baeum.capacity.Holdings;
import org.baeum.capacity.ResourceKind;
import org.baeum.catalog.internal.BranchRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The digital-seat burst of issue 18: {@code benchmark.bookers} (2,000) signed-in citizens ask at the same moment for
 * the {@code benchmark.units} (60) digital seats of the next open morning, each for one of the three morning hours
 * (09:00, 10:00, 11:00), through {@code POST /api/v1/bookings} over HTTP on loopback, at most
 * {@code benchmark.connections} (64) in flight. Not a test: {@code ./mvnw -o -Pbenchmark test -Dbenchmark.run=bookings}
 * (docs/performance.md, "Booking burst").
 * <p>
 * The whole portal runs on the embedded database with its H2 file in a new temp folder (the production default),
 * without demo data. {@code benchmark.bookingWarmups} (5) warm-up bursts of the same size book the following days
 * (other slots, so quotas do not meet), then the measured burst. Checks, from the portal's services as STAFF: per slot, the active bookings are at most the
 * units, equal the ledger's holders (the same ids) and the 201 answers; nobody holds two of one slot; every other
 * answer is 409 {@code taken}. {@code benchmark.jfr} (a file) records the measured burst with Java Flight Recorder.
 */
public final class BookingBenchmark {

    private static final int BOOKERS = Integer.getInteger("benchmark.bookers", 2_000);
    private static final int UNITS = Integer.getInteger("benchmark.units", 60);
    private static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 64);
    /** Warm-up bursts of the same size on the following days (the JIT compiles the paths measured next). */
    private static final int WARMUPS = Integer.getInteger("benchmark.bookingWarmups", 5);
    /** A file to record the measured burst to with Java Flight Recorder (profile settings); empty: none. */
    private static final String JFR = System.getProperty("benchmark.jfr", "").strip();
    /** More {@code --name=value} arguments for the portal, for experiments. */
    private static final String PORTAL_ARGS = System.getProperty("benchmark.portalArgs", "").strip();
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final List<LocalTime> MORNING = List.of(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
    private static final String BOOKABLE = "bench-digital";
    /** As the booking feature keys its slots (decision 0042): {@code <bookable>|<day>|<HH:mm>}. */
    private static final ResourceKind SLOTS = ResourceKind.own("booking-slot", false);

    record Citizen(String accountId, String token) {
    }

    record Answer(int status, String body, double millis) {
    }

    private BookingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%n# Booking burst benchmark%n%n- JVM: %s %s, %d processors, max heap %d MB%n",
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "- %d citizens, %d digital seats, one of %s each, %d in flight%n", BOOKERS, UNITS,
                MORNING, CONNECTIONS);
        Path dir = Files.createTempDirectory("baeum-booking-benchmark-");
        List<String> portalArgs = new ArrayList<>(List.of("--baeum.mongo.uri=",
                "--baeum.mongo.embedded-store=h2", "--baeum.mongo.data-dir=" + dir, "--baeum.mongo.embedded-port=0",
                "--baeum.mail.host=", "--baeum.mail.embedded-port=0", "--baeum.demo.enabled=false", "--server.port=0",
                "--server.address=127.0.0.1", "--logging.level.org.baeum.booking=warn",
                "--logging.level.org.baeum.notification=warn", "--logging.level.org.baeum.base.scheduling=warn"));
        if (!PORTAL_ARGS.isEmpty()) {
            portalArgs.addAll(List.of(PORTAL_ARGS.split("\\s+")));
            System.out.printf(Locale.ROOT, "- portal arguments added: %s%n", PORTAL_ARGS);
        }
        ConfigurableApplicationContext context = BenchmarkPortal.start(portalArgs.toArray(String[]::new));
        try {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            URI base = URI.create("http://127.0.0.1:" + port);
            List<Citizen> citizens = citizens(context, BOOKERS);
            LocalDate day = SystemIdentity.call(() -> setUp(context));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int w = 1; w <= WARMUPS; w++) {
                Answer[] warm = burst(http, base, citizens, day.plusDays(w));
                System.out.printf(Locale.ROOT, "- warm-up %d on %s: %s%n", w, day.plusDays(w), summary(warm, -1));
            }
            settle(context);
            jdk.jfr.Recording recording = JFR.isEmpty() ? null
                    : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
                recording.setDestination(Path.of(JFR));
                recording.start();
            }
            long cpuBefore = cpu();
            long begin = System.nanoTime();
            Answer[] answers = burst(http, base, citizens, day);
            double seconds = (System.nanoTime() - begin) / 1e9;
            double cpu = (cpu() - cpuBefore) / 1e9;
            if (recording != null) {
                recording.stop();
                recording.close();
                System.out.printf(Locale.ROOT, "- JFR recording of the burst: %s%n", JFR);
            }
            System.out.printf(Locale.ROOT, "- burst on %s: %s, %.2f s wall, %.2f s CPU of the whole process%n", day,
                    summary(answers, seconds), seconds, cpu);
            System.out.printf(Locale.ROOT, "- of which 201: %s; 409: %s%n",
                    summary(Arrays.stream(answers).filter(a -> a.status() == 201).toArray(Answer[]::new), -1),
                    summary(Arrays.stream(answers).filter(a -> a.status() == 409).toArray(Answer[]::new), -1));
            System.out.printf(Locale.ROOT, "- first come, first served: %d of the seats went to a request sent after one"
                    + " for the same hour that was refused%n", outOfOrder(answers));
            String dump = System.getProperty("benchmark.dump", "").strip();
            if (!dump.isEmpty()) {
                // one line per request in the order sent: status and milliseconds, to see where the slow ones fall
                Files.write(Path.of(dump), Arrays.stream(answers).map(a -> a.status() + "," + a.millis()).toList());
            }
            SystemIdentity.run(() -> check(context, day, answers));
        } finally {
            context.close();
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Waits until the warm-ups' mails are sent: a rush at 10:00 finds a portal that is not still delivering the mails of
     * the minute before, and the burst's CPU is then the burst's own. Prints how long it took.
     */
    private static void settle(ConfigurableApplicationContext context) {
        var outbox = context.getBean(com.mongodb.client.MongoDatabase.class).getCollection("outbox");
        var pending = com.mongodb.client.model.Filters.in("status", "PENDING", "CLAIMED");
        long begin = System.nanoTime();
        try {
            org.awaitility.Awaitility.await().pollInterval(java.time.Duration.ofMillis(200))
                    .atMost(java.time.Duration.ofMinutes(3)).until(() -> outbox.countDocuments(pending) == 0);
        } catch (org.awaitility.core.ConditionTimeoutException stillSending) {
            // reported below: the burst then competes with the rest of the warm-ups' mails
        }
        System.out.printf(Locale.ROOT, "- warm-ups' mails sent after %.1f s (%d left)%n", (System.nanoTime() - begin) / 1e9,
                outbox.countDocuments(pending));
    }

    /**
     * Seats given out of the order sent: per hour, the requests are numbered as sent; were seats given first come, first
     * served, the {@code UNITS} first of each hour would have them. Counts the seats given to a request with a higher
     * number than that, i.e. while a request sent earlier for the same hour was refused.
     */
    private static int outOfOrder(Answer[] answers) {
        int late = 0;
        for (int hour = 0; hour < MORNING.size(); hour++) {
            int rank = 0;
            for (int i = hour; i < answers.length; i += MORNING.size()) {
                rank++;
                if (answers[i].status() == 201 && rank > UNITS) {
                    late++;
                }
            }
        }
        return late;
    }

    /** A branch, the digital seats open every day 09:00–18:00 by the hour; the first open day after today. */
    private static LocalDate setUp(ConfigurableApplicationContext context) {
        context.getBean(BranchRepository.class).save(new BranchRepository.BranchDocument("bench", "벤치 분관",
                "Bench branch", "서울 마포구", "", "", "", 1));
        BookingRules rules = new BookingRules(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(18, 0),
                60, false, 14, 60, 120, 0, 1, 1);
        context.getBean(Bookables.class).save(new Bookable(BOOKABLE, "bench", null, BookableKind.DIGITAL_SEAT,
                "디지털 좌석", "Digital seats", UNITS, rules, true));
        DaysOff daysOff = context.getBean(DaysOff.class);
        LocalDate day = LocalDate.now(SEOUL).plusDays(1);
        while (!openFor(daysOff, day, WARMUPS + 1)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Whether the branch is open on {@code days} days from {@code first} on (no holiday among them). */
    private static boolean openFor(DaysOff daysOff, LocalDate first, int days) {
        for (int i = 0; i < days; i++) {
            if (daysOff.dayOff(first.plusDays(i), Place.branch("bench")).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private static Answer[] burst(HttpClient http, URI base, List<Citizen> citizens, LocalDate day) throws Exception {
        Answer[] answers = new Answer[citizens.size()];
        Semaphore inFlight = new Semaphore(CONNECTIONS);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < citizens.size(); i++) {
            String body = String.format(Locale.ROOT, "{\"facilityId\":\"%s\",\"date\":\"%s\",\"start\":\"%s\"}",
                    BOOKABLE, day, MORNING.get(i % MORNING.size()));
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/bookings"))
                    .header("Authorization", "Bearer " + citizens.get(i).token())
                    .header("Content-Type", "application/json").header("Accept-Language", "ko")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.acquire();
            int index = i;
            long sent = System.nanoTime();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                inFlight.release();
                answers[index] = new Answer(r == null ? -1 : r.statusCode(), r == null ? String.valueOf(e) : r.body(),
                        (System.nanoTime() - sent) / 1e6);
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return answers;
    }

    private static void check(ConfigurableApplicationContext context, LocalDate day, Answer[] answers) {
        Bookings bookings = context.getBean(Bookings.class);
        CapacityLedger ledger = context.getBean(CapacityLedger.class);
        List<Booking> ofDay = bookings.ofDay(BOOKABLE, day).stream().filter(b -> b.status().active()).toList();
        long created = Arrays.stream(answers).filter(a -> a.status() == 201).count();
        long taken = Arrays.stream(answers).filter(a -> a.status() == 409 && a.body().contains("taken")).count();
        long other = answers.length - created - taken;
        boolean ok = created == ofDay.size() && other == 0;
        for (LocalTime start : MORNING) {
            Set<String> ids = new HashSet<>();
            Set<String> people = new HashSet<>();
            boolean twice = false;
            for (Booking b : ofDay) {
                if (b.start().equals(start)) {
                    ids.add(b.id());
                    twice |= !people.add(b.participantId());
                }
            }
            Holdings holdings = ledger.holders(SLOTS.key(BOOKABLE + "|" + day + "|" + start)).orElseThrow();
            Set<String> holders = new HashSet<>();
            holdings.holders().forEach(h -> holders.add(h.id()));
            boolean slotOk = ids.size() <= UNITS && ids.equals(holders) && holdings.counters().taken() == ids.size()
                    && !twice;
            ok &= slotOk;
            System.out.printf(Locale.ROOT, "- %s: %d bookings, ledger taken %d, holders = bookings: %s, nobody twice: %s%n",
                    start, ids.size(), holdings.counters().taken(), ids.equals(holders), !twice);
        }
        System.out.printf(Locale.ROOT, "- answers: %d × 201, %d × 409 taken, %d other%n- **checks: %s**%n", created, taken,
                other, ok ? "all hold (0 double bookings)" : "FAILED");
        if (other > 0) {
            Map<Integer, String> sample = new HashMap<>();
            Arrays.stream(answers).filter(a -> a.status() != 201 && !(a.status() == 409 && a.body().contains("taken")))
                    .forEach(a -> sample.putIfAbsent(a.status(), a.body()));
            System.out.printf(Locale.ROOT, "- other answers, one per status: %s%n", sample);
        }
    }

    private static String summary(Answer[] answers, double seconds) {
        double[] ms = Arrays.stream(answers).mapToDouble(Answer::millis).sorted().toArray();
        String rate = seconds > 0 ? String.format(Locale.ROOT, ", %.0f requests/s", answers.length / seconds) : "";
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%s", rank(ms, 50),
                rank(ms, 95), rank(ms, 99), ms[ms.length - 1], rate);
    }

    private static double rank(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<Citizen> citizens(ConfigurableApplicationContext context, int count) throws Exception {
        AccountRepository accounts = context.getBean(AccountRepository.class);
        ApiTokens tokens = context.getBean(ApiTokens.class);
        String hash = context.getBean(PasswordEncoder.class).encode("booking-benchmark " + UUID.randomUUID());
        Citizen[] citizens = new Citizen[count];
        Instant now = Instant.now();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < count; i += 4) {
                        String n = String.format(Locale.ROOT, "%05d", i);
                        String id = "booker-" + n;
                        String email = "booker-" + n + "@bench.baeum";
                        accounts.insert(new AccountDocument(id, email, email, "예약자" + n, List.of(Role.CITIZEN), true,
                                "ko", hash, now, String.format(Locale.ROOT, "010%08d", i), LocalDate.of(1980, 1, 1),
                                // as sign-up makes them: no claims (decision 0060), no no-show marks (0065)
                                "MAPO", now, 0L, true, null, false, false));
                        BaeumUser user = new BaeumUser(id, email, "예약자" + n, EnumSet.of(Role.CITIZEN), true,
                                Locale.KOREAN, null, 0L);
                        citizens[i] = new Citizen(id, tokens.issue(user).token());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return List.of(citizens);
    }
}
