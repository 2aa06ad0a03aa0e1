package org.baeum.catalog.internal;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.baeum.base.mongo.EmbeddedMongoServer;
import org.baeum.base.mongo.MongoSettings;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogSort;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.Publication;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.TimeOfDay;
import org.h2.mvstore.MVStore;
import org.slf4j.LoggerFactory;

/**
 * Server-side latency of filtered, paged catalog queries ({@link OfferingRepository#search}) over a generated
 * catalog, on the embedded server with its H2 file store (the default) and with its memory store. Not a test:
 * run it with {@code ./mvnw -Pbenchmark test} (see docs/performance.md). Prints Markdown tables.
 *
 * <p>System properties: {@code benchmark.offerings} (10000), {@code benchmark.queries} (500 measured per store),
 * {@code benchmark.warmup} (200 per store), {@code benchmark.seed} (42) and {@code benchmark.stores}, a list of:
 * {@code h2} (the portal's default: {@link EmbeddedMongoServer} on an H2 file), {@code h2-stock} (mongo-java-server's
 * own H2 backend on a file, without the portal's {@code SortingH2Collection}: the "before") and {@code memory}
 * (the embedded server's memory store, stock as well); default all three.
 *
 * <p>What is timed is the wall time of one {@code search(query, false, today)} call as {@code CatalogService#search}
 * makes it: the page query, the {@code countDocuments} when needed and the decoding into {@link OfferingDocument}s,
 * including the loopback round trips of the MongoDB driver. The HTTP and Vaadin layers are not included.
 */
public final class CatalogQueryBenchmark {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final int OFFERINGS = Integer.getInteger("benchmark.offerings", 10_000);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 500);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 200);
    private static final long SEED = Long.getLong("benchmark.seed", 42L);
    private static final String STORES = System.getProperty("benchmark.stores", "h2,h2-stock,memory");

    /** Extra Korean titles next to the demo programs', so that titles and search text vary. */
    private static final List<String> EXTRA_TITLES = List.of("수영 초급 정규반", "수영 상급 새벽반", "캘리그라피 기초",
            "캘리그라피 심화", "디지털 문해교육", "스마트폰 사진 편집", "생활 도예", "가죽 공예 입문", "우리 동네 역사 산책",
            "요리 교실: 집밥 한 그릇", "그림책 읽어주는 어른", "기타 초급", "시니어 탁구", "어린이 로봇 과학", "중국어 첫걸음",
            "일본어 회화", "필라테스", "숲 해설가 양성", "부모와 함께하는 숲 놀이", "엑셀 실무");

    record QueryType(String name, CatalogQuery query) {
    }

    static final List<QueryType> MIX = List.of(
            new QueryType("no filter, page 0", CatalogQuery.all()),
            new QueryType("q=수영", query(b -> b.text = "수영")),
            new QueryType("q=수영 + weekday=SATURDAY", query(b -> { b.text = "수영"; b.weekday = DayOfWeek.SATURDAY; })),
            new QueryType("domain=DIGITAL_CIVIC + audience=ADULT", query(b -> { b.domain = PolicyDomain.DIGITAL_CIVIC; b.audience = Audience.ADULT; })),
            new QueryType("free=true", query(b -> b.free = true)),
            new QueryType("age=10", query(b -> b.age = 10)),
            new QueryType("seats=true", query(b -> b.seats = true)),
            new QueryType("time=EVENING", query(b -> b.time = TimeOfDay.EVENING)),
            new QueryType("no filter, page 20", query(b -> b.page = 20)),
            new QueryType("sort=FEE_LOW", query(b -> b.sort = CatalogSort.FEE_LOW)));

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // "adding secondary index ... is not yet implemented. ignoring": expected, see docs/performance.md
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("de.bwaldvogel.mongo.backend.AbstractMongoDatabase")).setLevel(Level.ERROR);
        LocalDate today = LocalDate.now(SEOUL);
        List<OfferingDocument> catalog = generate(OFFERINGS, today, new Random(SEED));
        System.out.printf(Locale.ROOT, "%n# Catalog query benchmark%n%n");
        System.out.printf(Locale.ROOT, "- JVM: %s %s, %d processors, max heap %d MB%n", System.getProperty("java.vm.name"),
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "- data: %d offerings (%d published, %d with lastDate >= today %s); %d measured queries per store after %d warm-up%n",
                catalog.size(), catalog.stream().filter(o -> o.publication() == Publication.PUBLISHED).count(),
                catalog.stream().filter(o -> !o.lastDate().isBefore(today)).count(), today, QUERIES, WARMUP);
        for (String store : STORES.split(",")) {
            run(store.strip().toLowerCase(Locale.ROOT), catalog, today);
        }
    }

    /** A running server: the portal's embedded one, or the stock H2 backend of mongo-java-server for comparison. */
    private record Server(String connectionString, String description, AutoCloseable stop) implements AutoCloseable {

        static Server start(String store, Path dir) {
            if (store.equals("h2-stock")) {
                H2Backend backend = new H2Backend(MVStore.open(dir.resolve("stock.mv.db").toString()));
                MongoServer server = new MongoServer(backend);
                server.bind("127.0.0.1", 0);
                return new Server("mongodb://127.0.0.1:" + server.getLocalAddress().getPort(),
                        "mongo-java-server's stock H2Backend, without the portal's changes", () -> {
                    server.shutdown();
                    backend.close();
                });
            }
            EmbeddedMongoServer server = EmbeddedMongoServer.start(new MongoSettings("", "baeum", dir, 0,
                    Duration.ofSeconds(5), MongoSettings.EmbeddedStore.valueOf(store.toUpperCase(Locale.ROOT))));
            return new Server(server.connectionString(), "EmbeddedMongoServer, " + server.description(), server);
        }

        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    private static void run(String store, List<OfferingDocument> catalog, LocalDate today) throws Exception {
        Path dir = Files.createTempDirectory("baeum-benchmark-");
        try (Server server = Server.start(store, dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("baeum");
            OfferingRepository repository = new OfferingRepository(database);
            long loadStart = System.nanoTime();
            MongoCollection<OfferingDocument> collection = database.getCollection(OfferingRepository.COLLECTION, OfferingDocument.class);
            for (int i = 0; i < catalog.size(); i += 500) {
                collection.insertMany(catalog.subList(i, Math.min(catalog.size(), i + 500)));
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            String fileSize = store.startsWith("h2") ? String.format(Locale.ROOT, ", file %.1f MB", sizeOf(dir) / 1e6) : "";
            System.out.printf(Locale.ROOT, "%n## Store %s (%s)%n%n- loaded %d offerings in %.1f s%s; load average before: %s%n",
                    store, server.description(), repository.count(), loadSeconds, fileSize, loadAverage());

            Random random = new Random(SEED);
            List<QueryType> warmup = schedule(WARMUP, random);
            for (QueryType q : warmup) {
                repository.search(q.query(), false, today);
            }
            Map<String, List<Long>> nanos = new LinkedHashMap<>();
            Map<String, Long> totals = new LinkedHashMap<>();
            MIX.forEach(q -> nanos.put(q.name(), new ArrayList<>()));
            for (QueryType q : schedule(QUERIES, random)) {
                long start = System.nanoTime();
                OfferingRepository.Found found = repository.search(q.query(), false, today);
                nanos.get(q.name()).add(System.nanoTime() - start);
                totals.put(q.name(), found.total());
            }
            System.out.printf(Locale.ROOT, "- load average after: %s%n%n", loadAverage());
            System.out.println("| query | matches | n | p50 ms | p95 ms | p99 ms | max ms |");
            System.out.println("|---|--:|--:|--:|--:|--:|--:|");
            nanos.forEach((name, list) -> System.out.println(row(name, Long.toString(totals.get(name)), list)));
            System.out.println(row("**all**", "", nanos.values().stream().flatMap(List::stream).toList()));
            breakdown(collection, today);
        } finally {
            deleteRecursively(dir);
        }
    }

    /** Where the time goes, per query type: the page query alone, countDocuments alone, all matches (median of 11). */
    private static void breakdown(MongoCollection<OfferingDocument> collection, LocalDate today) {
        System.out.printf(Locale.ROOT, "%nBreakdown (median of 11, ms): page = find(filter)+sort+skip+limit, decoded; count = countDocuments(filter); all matches = find(filter) of every match, unsorted, decoded (what sorting or caching in the portal would have to read)%n%n");
        System.out.println("| query | page | count | all matches |");
        System.out.println("|---|--:|--:|--:|");
        for (QueryType type : MIX) {
            CatalogQuery q = type.query();
            var filter = OfferingRepository.filter(q, false, today);
            double page = median(() -> collection.find(filter).sort(OfferingRepository.sort(q))
                    .skip(q.page() * q.size()).limit(q.size()).into(new ArrayList<>()));
            double count = median(() -> collection.countDocuments(filter));
            double scan = median(() -> collection.find(filter).into(new ArrayList<>()));
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", type.name(), page, count, scan);
        }
    }

    private static double median(Supplier<?> work) {
        long[] runs = new long[11];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            work.get();
            runs[i] = System.nanoTime() - start;
        }
        Arrays.sort(runs);
        return runs[runs.length / 2] / 1e6;
    }

    /** Every query type equally often, in a shuffled order. */
    private static List<QueryType> schedule(int count, Random random) {
        List<QueryType> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(MIX.get(i % MIX.size()));
        }
        Collections.shuffle(list, random);
        return list;
    }

    private static String row(String name, String matches, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |", name, matches, sorted.length,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    // ---- data ---------------------------------------------------------------------------------------------

    /**
     * A catalog shaped like the demo's, but {@code count} offerings: the demo programs plus extra titles, both
     * branches, every domain, audience and format, one to five weekdays, start times from 06:00 to 21:00, fees 0 to
     * 150,000 won, terms that ended, run now or start later; 85% published, 10% drafts, 5% cancelled.
     */
    static List<OfferingDocument> generate(int count, LocalDate today, Random random) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // term: id, first day, weeks
        record TermSpec(String id, LocalDate start, int weeks) {
        }
        List<TermSpec> terms = List.of(new TermSpec("t-past", monday.minusWeeks(30), 13),
                new TermSpec("t-current-3m", monday.minusWeeks(5), 13), new TermSpec("t-current-q", monday.minusWeeks(4), 12),
                new TermSpec("t-year", monday.minusWeeks(12), 50), new TermSpec("t-next-3m", monday.plusWeeks(9), 13),
                new TermSpec("t-next-q", monday.plusWeeks(9), 12));
        int[] termWeights = {15, 25, 15, 5, 25, 15};
        List<List<Integer>> patterns = List.of(List.of(1, 3), List.of(2, 4), List.of(1, 3, 5), List.of(5), List.of(6),
                List.of(3), List.of(1, 2, 3, 4, 5), List.of(6, 7), List.of(2));
        List<LocalTime> starts = List.of(LocalTime.of(6, 0), LocalTime.of(7, 0), LocalTime.of(10, 0), LocalTime.of(11, 0),
                LocalTime.of(13, 30), LocalTime.of(15, 30), LocalTime.of(19, 0), LocalTime.of(20, 0), LocalTime.of(21, 0));
        List<DemoCatalog.Spec> specs = DemoCatalog.SPECS;
        Instant now = Instant.now();
        List<OfferingDocument> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DemoCatalog.Spec spec = specs.get(random.nextInt(specs.size()));
            boolean extra = random.nextInt(3) == 0;
            String baseTitle = extra ? EXTRA_TITLES.get(random.nextInt(EXTRA_TITLES.size())) : spec.titleKo();
            String titleKo = baseTitle + " " + (1 + random.nextInt(12)) + "반";
            String titleEn = (extra ? "Course" : spec.titleEn()) + " (section " + (i % 97) + ")";
            PolicyDomain domain = extra ? pick(PolicyDomain.values(), random) : spec.domain();
            Audience audience = extra ? pick(Audience.values(), random) : spec.audience();
            DeliveryFormat format = random.nextInt(10) == 0 ? pick(DeliveryFormat.values(), random) : spec.format();
            int minAge = spec.minAge() == null ? CatalogMapping.NO_MIN_AGE : spec.minAge();
            int maxAge = spec.maxAge() == null ? CatalogMapping.NO_MAX_AGE : spec.maxAge();
            long fee = spec.fee() == 0 && random.nextInt(4) != 0 ? 0 : 5_000L * random.nextInt(31);
            String branch = random.nextInt(3) == 0 ? "ahyeon" : "main";
            TermSpec term = terms.get(weighted(termWeights, random));
            List<Integer> weekdays = patterns.get(random.nextInt(patterns.size()));
            LocalTime start = starts.get(random.nextInt(starts.size()));
            LocalTime end = start.plusMinutes(List.of(50, 60, 90, 120).get(random.nextInt(4)));
            LocalDate first = term.start();
            LocalDate last = term.start().plusWeeks(term.weeks()).minusDays(1);
            List<LocalDate> sessions = first.datesUntil(last.plusDays(1))
                    .filter(d -> weekdays.contains(d.getDayOfWeek().getValue())).toList();
            int capacity = spec.capacity();
            int taken = random.nextInt(4) == 0 ? capacity : random.nextInt(capacity + 1);
            int waitlist = taken == capacity ? random.nextInt(10) : 0;
            int p = random.nextInt(100);
            Publication publication = p < 85 ? Publication.PUBLISHED : p < 95 ? Publication.DRAFT : Publication.CANCELLED;
            Instant opens = first.minusDays(21).atTime(10, 0).atZone(SEOUL).toInstant();
            Instant closes = first.minusDays(7).atTime(18, 0).atZone(SEOUL).toInstant();
            String instructorName = spec.instructorName();
            String searchText = String.join(" ", titleKo, titleEn, instructorName).toLowerCase(Locale.ROOT);
            list.add(new OfferingDocument("bench-" + i, "prog-" + spec.key(), term.id(), branch, spec.rooms().getFirst(),
                    titleKo, titleEn, spec.descriptionKo(), spec.descriptionEn(), searchText, domain, audience, spec.kind(),
                    format, minAge, maxAge, fee, fee > 0, new ArrayList<>(spec.access()), null, null,
                    List.of(spec.instructorId()), List.of(instructorName), weekdays, start.toString(), end.toString(),
                    CatalogMapping.minute(start), CatalogMapping.minute(end), first, last, sessions, capacity, taken,
                    capacity - taken, waitlist, publication, opens, closes, null,
                    List.of(new OfferingDocument.PhaseDocument(opens, closes,
                            random.nextBoolean() ? RecruitmentMethod.FIRST_COME : RecruitmentMethod.LOTTERY)), now, null, null, null, null));
        }
        return list;
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static int weighted(int[] weights, Random random) {
        int r = random.nextInt(Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    // ---- queries ------------------------------------------------------------------------------------------

    /** Mutable holder for building a {@link CatalogQuery} with named fields. */
    static final class QueryBuilder {
        String text;
        PolicyDomain domain;
        Audience audience;
        DayOfWeek weekday;
        TimeOfDay time;
        Boolean free;
        Integer age;
        boolean seats;
        CatalogSort sort;
        int page;
    }

    private static CatalogQuery query(java.util.function.Consumer<QueryBuilder> setup) {
        QueryBuilder b = new QueryBuilder();
        setup.accept(b);
        return new CatalogQuery(b.text, b.domain, b.audience, null, b.weekday, b.time, null, b.free, null, b.age,
                b.seats, b.sort, b.page, CatalogQuery.DEFAULT_SIZE);
    }

    // ---- machine ------------------------------------------------------------------------------------------

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private CatalogQueryBenchmark() {
    }
}
