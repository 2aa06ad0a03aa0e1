package org.baeum.recruitment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.baeum.BenchmarkPortal;
import org.baeum.DemoCatalogFixture;
import org.baeum.account.Relation;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.account.internal.DependantDocument;
import org.baeum.account.internal.DependantRepository;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.internal.DrawPlacements;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.enrollment.internal.TaskRepository;
import org.baeum.notification.internal.OutboxRepository;
import org.baeum.recruitment.ApplicationStatus;
import org.baeum.recruitment.DrawnRound;
import org.baeum.recruitment.ReservedShare;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundPhaseKind;
import org.baeum.recruitment.draw.Draw;
import org.bson.Document;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Placing the draw of a large round (issue 15, decision 0029): starts the portal on the embedded server with its H2 file
 * store in a temporary folder, with Quartz on standby (no job places, draws or delivers on its own: the mails stay in the
 * outbox), makes 30 published offerings of 20 seats, {@code benchmark.applications} citizen households inserted
 * directly into {@code accounts} (every 25th with 1–3 dependants in {@code dependants}, applying as one household for
 * 2–4 seats), one submitted application each (1–3 random choices), a round whose lottery closed an hour ago, draws it
 * ({@link RoundDraws#store}, {@link RoundDraws#markDrawn}), then times {@link DrawPlacements#place} as the system. It
 * checks afterwards that every offering's taken seats are its OFFERED entries, that a sample offering's waitlist is in
 * draw order, that a second {@code place} adds nothing, and that a placement repeated as after a crash (the round's
 * "placed" mark removed) adds no entry, mail, task or seat either. Not a test: run it with
 * {@code ./mvnw -Pbenchmark test -Dbenchmark.run=placement} (see docs/performance.md).
 */
public final class PlacementBenchmark {

    static final int APPLICATIONS = Integer.getInteger("benchmark.applications", 20_000);

    private PlacementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%n# Placement benchmark%n%n- JVM: %s %s, %d processors, max heap %d MB%n",
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Path dir = Files.createTempDirectory("baeum-placement-benchmark-");
        long startup = System.nanoTime();
        ConfigurableApplicationContext context = BenchmarkPortal.start(
                "--baeum.mongo.uri=", "--baeum.mongo.embedded-store=h2", "--baeum.mongo.data-dir=" + dir,
                "--baeum.mongo.embedded-port=0", "--baeum.mail.host=", "--baeum.mail.embedded-port=0",
                "--baeum.demo.enabled=false", "--server.port=0", "--logging.level.org.baeum.catalog=warn",
                "--logging.level.org.baeum.enrollment=warn", "--logging.level.org.baeum.notification=warn");
        try {
            System.out.printf(Locale.ROOT, "- portal started in %.1f s on the embedded server (H2 file store, %s)%n",
                    (System.nanoTime() - startup) / 1e9, dir);
            context.getBean(Scheduler.class).standby(); // the benchmark decides what runs; mails stay in the outbox
            DemoCatalogFixture.load(context.getBeanProvider(DemoDataContributor.class).orderedStream().toList());
            EnrollmentFixture catalog = new EnrollmentFixture(context.getBean(CatalogService.class), context.getBean(Clock.class));
            List<String> offerings = new ArrayList<>();
            for (int i = 0; i < DrawBenchmark.OFFERINGS; i++) {
                offerings.add(catalog.offering(DrawBenchmark.SEATS, 30_000).value());
            }
            System.out.printf(Locale.ROOT, "- %d offerings of %d seats; %d applications (households)%n%n",
                    DrawBenchmark.OFFERINGS, DrawBenchmark.SEATS, APPLICATIONS);
            measure(context, offerings);
        } finally {
            context.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(ConfigurableApplicationContext context, List<String> offerings) {
        MongoDatabase database = context.getBean(MongoDatabase.class);
        String roundId = "PLACE-" + System.currentTimeMillis() % 100_000;
        Instant now = Instant.now();
        long start = System.nanoTime();
        int participants = insertApplicants(context, database, offerings, roundId, now);
        double insertSeconds = seconds(start);

        byte[] seed = RoundSeeds.newSeed();
        context.getBean(RoundRepository.class).insert(new RoundDocument(roundId, "배치 벤치마크", "Placement benchmark",
                offerings, List.of(new RoundPhase(RoundPhaseKind.LOTTERY, now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofHours(1)))), now.plus(Duration.ofDays(1)), false, ReservedShare.NONE,
                HexFormat.of().formatHex(seed), Draw.commitment(seed), now.minus(Duration.ofDays(3)), 0L,
                now.minus(Duration.ofDays(3)), "benchmark", null, null, List.of()));
        RoundDraws draws = context.getBean(RoundDraws.class);
        start = System.nanoTime();
        if (!SystemIdentity.call(() -> draws.markDrawn(draws.store(roundId)))) {
            throw new IllegalStateException("Round " + roundId + " was not drawn");
        }
        double drawSeconds = seconds(start);

        Counts before = Counts.of(context, offerings);
        DrawPlacements placements = context.getBean(DrawPlacements.class);
        RoundId round = new RoundId(roundId);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        long cpuStart = os.getProcessCpuTime();
        start = System.nanoTime();
        DrawPlacements.Placed placed = SystemIdentity.call(() -> placements.place(round)).orElseThrow();
        double placeSeconds = seconds(start);
        double placeCpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double loadAfter = os.getSystemLoadAverage();
        Counts after = Counts.of(context, offerings);

        System.out.println("| insert accounts + applications s | draw s | place s | place process CPU s | load before →"
                + " after | participants | OFFERED | WAITLISTED | mails added | tasks added | placed (offered / waiting) |");
        System.out.println("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        System.out.printf(Locale.ROOT, "| %.1f | %.2f | %.1f | %.1f | %.1f → %.1f | %,d | %,d | %,d | %,d | %,d | %,d / %,d |%n%n",
                insertSeconds, drawSeconds, placeSeconds, placeCpu, loadBefore, loadAfter, participants, after.offered - before.offered,
                after.waiting - before.waiting, after.mails - before.mails, after.tasks - before.tasks, placed.offered(),
                placed.waiting());

        check(context, database, offerings, round, after);
        if (SystemIdentity.call(() -> placements.place(round)).isPresent() || !Counts.of(context, offerings).equals(after)) {
            throw new IllegalStateException("A second place() of a placed round changed something");
        }
        database.getCollection("enrollment_round_placements").deleteOne(eq("_id", roundId)); // as after a crash
        start = System.nanoTime();
        SystemIdentity.call(() -> placements.place(round)).orElseThrow();
        double repeatSeconds = seconds(start);
        Counts repeated = Counts.of(context, offerings);
        if (!repeated.equals(after)) {
            throw new IllegalStateException("A repeated placement added something: " + after + " → " + repeated);
        }
        check(context, database, offerings, round, repeated);
        System.out.printf(Locale.ROOT, "- checks passed: taken seats = OFFERED entries in all %d offerings, the waitlist"
                + " of %s in draw order, a second place() added nothing, and a placement repeated with the round's mark"
                + " removed (as after a crash) took %.1f s and added no entry, mail, task or seat%n", offerings.size(),
                offerings.getFirst(), repeatSeconds);
    }

    /** Accounts, dependants and one submitted application per household. @return how many participants applied */
    private static int insertApplicants(ConfigurableApplicationContext context, MongoDatabase database,
                                        List<String> offerings, String roundId, Instant now) {
        String hash = context.getBean(PasswordEncoder.class).encode("benchmark-password-not-used");
        MongoCollection<AccountDocument> accounts = database.getCollection(AccountRepository.COLLECTION, AccountDocument.class);
        MongoCollection<DependantDocument> dependants = database.getCollection(DependantRepository.COLLECTION, DependantDocument.class);
        MongoCollection<ApplicationDocument> applications =
                database.getCollection(ApplicationRepository.COLLECTION, ApplicationDocument.class);
        Random random = new Random(15);
        List<AccountDocument> accountBatch = new ArrayList<>();
        List<DependantDocument> dependantBatch = new ArrayList<>();
        List<ApplicationDocument> applicationBatch = new ArrayList<>();
        int participants = 0;
        for (int i = 1; i <= APPLICATIONS; i++) {
            String account = roundId.toLowerCase(Locale.ROOT) + "-a" + i;
            LocalDate born = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            accountBatch.add(new AccountDocument(account, account + "@bench.localhost", account + "@bench.localhost",
                    "시민" + i, List.of(Role.CITIZEN), true, i % 10 == 0 ? "en" : "ko", hash, now, "01012345678", born,
                    "MAPO", now, 0L, true, null));
            List<String> members = new ArrayList<>(List.of(account));
            int seats = i % 25 == 0 ? 2 + random.nextInt(3) : 1;
            for (int m = 1; m < seats; m++) {
                String dependant = account + "-d" + m;
                dependantBatch.add(new DependantDocument(dependant, account, "가족" + i + "-" + m,
                        LocalDate.of(2010 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        Relation.CHILD, now, null));
                members.add(dependant);
            }
            participants += members.size();
            List<String> shuffled = new ArrayList<>(offerings);
            Collections.shuffle(shuffled, random);
            List<String> choices = List.copyOf(shuffled.subList(0, 1 + random.nextInt(3)));
            applicationBatch.add(new ApplicationDocument("%s-%06d".formatted(roundId, i), roundId, (long) i, account,
                    "시*", members, members.stream().map(p -> ApplicationRepository.activeKey(roundId, p)).toList(),
                    List.<String>of(), choices, seats > 1, seats, ApplicationStatus.SUBMITTED, false,
                    now.minus(Duration.ofDays(1)), null, false, 1));
            if (applicationBatch.size() == 1000 || i == APPLICATIONS) {
                accounts.insertMany(accountBatch);
                if (!dependantBatch.isEmpty()) {
                    dependants.insertMany(dependantBatch);
                }
                applications.insertMany(applicationBatch);
                accountBatch.clear();
                dependantBatch.clear();
                applicationBatch.clear();
            }
        }
        return participants;
    }

    /**
     * Every offering's taken seats are its OFFERED entries (nothing else holds seats in this portal), and the first
     * offering's waiting entries are in draw order.
     */
    private static void check(ConfigurableApplicationContext context, MongoDatabase database, List<String> offerings,
                              RoundId round, Counts counts) {
        SeatLedger ledger = context.getBean(SeatLedger.class);
        MongoCollection<Document> entries = database.getCollection(EnrollmentRepository.COLLECTION);
        for (String o : offerings) {
            int taken = SystemIdentity.call(() -> ledger.ledger(new OfferingId(o))).orElseThrow().seats().taken();
            long offered = entries.countDocuments(and(eq("offeringId", o), eq("status", EnrollmentStatus.OFFERED.name())));
            if (taken != offered) {
                throw new IllegalStateException("Offering " + o + ": " + taken + " seats taken, " + offered + " OFFERED");
            }
        }
        DrawnRound drawn = SystemIdentity.call(() -> context.getBean(RoundDrawsService.class).drawn(round)).orElseThrow();
        Map<String, Integer> positionOf = new HashMap<>();
        drawn.inDrawOrder().forEach(d -> d.participants().forEach(p -> positionOf.put(p.value(), d.position())));
        List<Document> line = entries.find(and(eq("offeringId", offerings.getFirst()),
                        eq("status", EnrollmentStatus.WAITLISTED.name())))
                .sort(com.mongodb.client.model.Sorts.ascending("rank", "ticket")).into(new ArrayList<>());
        int last = 0;
        for (Document e : line) {
            int position = positionOf.get(e.getString("participantId"));
            if (position < last) {
                throw new IllegalStateException("The waitlist of " + offerings.getFirst() + " is not in draw order at "
                        + e.getString("_id"));
            }
            last = position;
        }
        if (line.isEmpty() || counts.waiting == 0) {
            throw new IllegalStateException("Nobody waits: nothing was checked");
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** What the placement adds: entries of the round's offerings, outbox rows, enrolment tasks, taken seats. */
    private record Counts(long offered, long waiting, long mails, long tasks, long taken) {

        static Counts of(ConfigurableApplicationContext context, List<String> offerings) {
            MongoDatabase database = context.getBean(MongoDatabase.class);
            MongoCollection<Document> entries = database.getCollection(EnrollmentRepository.COLLECTION);
            SeatLedger ledger = context.getBean(SeatLedger.class);
            long taken = 0;
            for (String o : offerings) {
                taken += SystemIdentity.call(() -> ledger.ledger(new OfferingId(o))).orElseThrow().seats().taken();
            }
            return new Counts(
                    entries.countDocuments(and(in("offeringId", offerings), eq("status", EnrollmentStatus.OFFERED.name()))),
                    entries.countDocuments(and(in("offeringId", offerings), eq("status", EnrollmentStatus.WAITLISTED.name()))),
                    database.getCollection(OutboxRepository.COLLECTION).countDocuments(),
                    database.getCollection(TaskRepository.COLLECTION).countDocuments(), taken);
        }
    }
}
