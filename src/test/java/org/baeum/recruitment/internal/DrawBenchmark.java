package org.baeum.recruitment.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.baeum.BenchmarkPortal;
import org.baeum.DemoCatalogFixture;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.ApplicationStatus;
import org.baeum.recruitment.ReservedShare;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundPhaseKind;
import org.baeum.recruitment.draw.Draw;
import org.baeum.recruitment.draw.DrawRecord;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The draw of a large round (issue 15: 20,000 applications over 30 offerings in under 5 s on the embedded database):
 * starts the portal on the embedded server with its H2 file store in a temporary folder, makes 30 offerings of 20
 * seats, and per run a round whose lottery has closed with {@code benchmark.applications} submitted applications
 * (1–3 random choices; every 25th a household of 2–4), then times the draw alone, {@link RoundDraws#store} then
 * {@link RoundDraws#markDrawn} as the job calls them: reading the round, the offerings and the applications, the draw,
 * storing the record and marking the round. Unlike {@link RoundDraws#runDue} these publish no {@code RoundDrawn}, so
 * enrolment does not place the (made-up) applicants: {@link PlacementBenchmark} times that. Not a test: run it with
 * {@code ./mvnw -Pbenchmark test -Dbenchmark.run=draw} (see docs/performance.md).
 */
public final class DrawBenchmark {

    static final int APPLICATIONS = Integer.getInteger("benchmark.applications", 20_000);
    static final int RUNS = Integer.getInteger("benchmark.runs", 1);
    static final int OFFERINGS = 30;
    static final int SEATS = 20;

    private DrawBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%n# Draw benchmark%n%n- JVM: %s %s, %d processors, max heap %d MB%n",
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Path dir = Files.createTempDirectory("baeum-draw-benchmark-");
        long startup = System.nanoTime();
        ConfigurableApplicationContext context = BenchmarkPortal.start(
                "--baeum.mongo.uri=", "--baeum.mongo.embedded-store=h2", "--baeum.mongo.data-dir=" + dir,
                "--baeum.mongo.embedded-port=0", "--baeum.mail.host=", "--baeum.mail.embedded-port=0",
                "--baeum.demo.enabled=false", "--server.port=0", "--logging.level.org.baeum.catalog=warn");
        try {
            System.out.printf(Locale.ROOT, "- portal started in %.1f s on the embedded server (H2 file store, %s)%n",
                    (System.nanoTime() - startup) / 1e9, dir);
            context.getBean(Scheduler.class).pauseJob(DrawJob.KEY); // the benchmark decides when the draw runs
            DemoCatalogFixture.load(context.getBeanProvider(DemoDataContributor.class).orderedStream().toList());
            EnrollmentFixture catalog = new EnrollmentFixture(context.getBean(CatalogService.class), context.getBean(Clock.class));
            List<String> offerings = new ArrayList<>();
            for (int i = 0; i < OFFERINGS; i++) {
                offerings.add(catalog.offering(SEATS, 0).value());
            }
            System.out.printf(Locale.ROOT, "- %d offerings of %d seats; %d applications per round; %d run(s)%n%n",
                    OFFERINGS, SEATS, APPLICATIONS, RUNS);
            System.out.println("| run | insert applications s | draw (store + markDrawn) s | applications | won | record bytes (gzip) |");
            System.out.println("|--:|--:|--:|--:|--:|--:|");
            for (int run = 1; run <= RUNS; run++) {
                measure(context, offerings, run);
            }
        } finally {
            context.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(ConfigurableApplicationContext context, List<String> offerings, int run) {
        MongoDatabase database = context.getBean(MongoDatabase.class);
        RoundRepository rounds = context.getBean(RoundRepository.class);
        RoundDraws draws = context.getBean(RoundDraws.class);
        String roundId = "BENCH-" + run + "-" + System.currentTimeMillis() % 100_000;
        Instant now = Instant.now();
        byte[] seed = RoundSeeds.newSeed();
        rounds.insert(new RoundDocument(roundId, "추첨 벤치마크", "Draw benchmark", offerings,
                List.of(new RoundPhase(RoundPhaseKind.LOTTERY, now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(1)))),
                now.plus(Duration.ofDays(1)), false, ReservedShare.NONE, HexFormat.of().formatHex(seed),
                Draw.commitment(seed), now.minus(Duration.ofDays(3)), 0L, now.minus(Duration.ofDays(3)), "benchmark", null,
                null, List.of()));

        long insertStart = System.nanoTime();
        MongoCollection<ApplicationDocument> collection =
                database.getCollection(ApplicationRepository.COLLECTION, ApplicationDocument.class);
        Random random = new Random(run);
        List<ApplicationDocument> batch = new ArrayList<>();
        for (int i = 1; i <= APPLICATIONS; i++) {
            List<String> shuffled = new ArrayList<>(offerings);
            Collections.shuffle(shuffled, random);
            List<String> choices = shuffled.subList(0, 1 + random.nextInt(3));
            int members = i % 25 == 0 ? 2 + random.nextInt(3) : 1;
            List<String> participants = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                participants.add(roundId + "-p" + i + "-" + m);
            }
            batch.add(new ApplicationDocument("%s-%06d".formatted(roundId, i), roundId, (long) i, roundId + "-h" + i, "벤*",
                    participants, participants.stream().map(p -> ApplicationRepository.activeKey(roundId, p)).toList(),
                    List.of(), List.copyOf(choices), members > 1, members, ApplicationStatus.SUBMITTED, false,
                    now.minus(Duration.ofDays(1)), null, false, 1));
            if (batch.size() == 1000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

        long drawStart = System.nanoTime();
        boolean marked = SystemIdentity.call(() -> draws.markDrawn(draws.store(roundId))); // no event: no placement
        double drawSeconds = (System.nanoTime() - drawStart) / 1e9;
        DrawRecord record = context.getBean(DrawRepository.class).find(roundId).orElseThrow();
        if (!marked || rounds.find(roundId).orElseThrow().drawnAt() == null
                || !Draw.verify(record).ok()) {
            throw new IllegalStateException("Run " + run + " did not draw the round");
        }
        org.bson.Document stored = database.getCollection(DrawRepository.COLLECTION)
                .find(com.mongodb.client.model.Filters.eq("_id", roundId)).first();
        int bytes = stored.get(DrawRepository.RECORD, org.bson.types.Binary.class).length();
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.2f | %d | %d | %,d |%n", run, insertSeconds, drawSeconds,
                record.applications().size(), record.results().stream().filter(DrawRecord.Result::won).count(), bytes);
    }
}
