package org.baeum.reporting;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.baeum.BenchmarkPortal;
import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Audience;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.TermType;
import org.bson.Document;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reports at scale (issue 17, "Done when": with a year of 200,000 enrolments and 3,000,000 attendance marks on the
 * embedded database, each report answers in under 2 s at p95 and a full XLSX export streams with heap growth under
 * 64 MB). Starts the portal on the embedded server with its H2 file store in a temporary folder, Quartz on standby,
 * and writes straight into the collections (not timed): {@code benchmark.report-offerings} (2,000) offerings of this year
 * over both branches, the four term types and every audience, {@code benchmark.entries} (200,000) entries with their
 * facts (about three entries per person), the marks of every session (one document per session, about 3,000,000 marks)
 * and the attendance counters a recount makes of them. Then, as the portal (STAFF and ADMIN), through the {@link Reports}
 * bean:
 * <ul>
 *   <li>the build of the year's table (as a stale table is rebuilt) and the table's heap;</li>
 *   <li>every report {@code benchmark.report-runs} (30) times on the built table, with and without a filter: p50, p95, max;</li>
 *   <li>the funnel as XLSX with every entry as a detail row, written to a counting sink, while a sampler runs a full
 *       GC every 250 ms and reads the used heap right after it: the live heap's peak growth over the live heap before
 *       the export (what the export holds, not the garbage it leaves for the collector).</li>
 * </ul>
 * Not a test: {@code ./mvnw -q -Pbenchmark test -Dbenchmark.run=reports} (docs/performance.md).
 */
public final class ReportsBenchmark {

    static final int OFFERINGS = Integer.getInteger("benchmark.report-offerings", 2_000);
    static final int ENTRIES = Integer.getInteger("benchmark.entries", 200_000);
    static final int RUNS = Integer.getInteger("benchmark.report-runs", 30);
    static final long SEED = 17L;

    private ReportsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%n# Reports benchmark%n%n- JVM: %s %s, %d processors, max heap %d MB%n",
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Path dir = Files.createTempDirectory("baeum-reports-benchmark-");
        ConfigurableApplicationContext context = BenchmarkPortal.start(
                "--baeum.mongo.uri=", "--baeum.mongo.embedded-store=h2", "--baeum.mongo.data-dir=" + dir,
                "--baeum.mongo.embedded-port=0", "--baeum.mail.host=", "--baeum.mail.embedded-port=0",
                "--baeum.demo.enabled=false", "--server.port=0", "--baeum.reports.max-age=PT24H",
                "--logging.level.org.baeum=warn", "--logging.level.org.baeum.reporting.internal=info");
        try {
            context.getBean(Scheduler.class).standby();
            int year = LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).getYear();
            long t0 = System.nanoTime();
            long marks = generate(context.getBean(MongoDatabase.class), year);
            System.out.printf(Locale.ROOT, "- data written in %.1f s: %,d offerings, %,d entries, %,d marks (year %d)%n",
                    (System.nanoTime() - t0) / 1e9, OFFERINGS, ENTRIES, marks, year);
            SystemIdentity.run(() -> measure(context, year));
        } finally {
            context.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(ConfigurableApplicationContext context, int year) {
        try {
            measureReports(context, year);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void measureReports(ConfigurableApplicationContext context, int year) throws java.io.IOException {
        Reports reports = context.getBean(Reports.class);
        ReportExports exports = context.getBean(ReportExports.class);
        Locale ko = Locale.KOREAN;
        ReportQuery all = ReportQuery.year(year);
        ReportQuery filtered = new ReportQuery(all.from(), all.to(), new org.baeum.catalog.BranchId("main"), null,
                Audience.ADULT, null, null, null);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        // the portal built this year's (then empty) table ahead at start-up; build it again now that the data is in, as
        // a stale table is rebuilt
        long t0 = System.nanoTime();
        context.getBean(org.baeum.reporting.internal.ParticipationData.class).rebuildNow(year);
        double build = (System.nanoTime() - t0) / 1e6;
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "- the year's table built in %.0f ms; heap after a full GC grew by %.1f MB%n%n",
                build, (after - before) / 1048576.0);
        System.out.println("| report | filter | p50 ms | p95 ms | max ms |");
        System.out.println("|---|---|--:|--:|--:|");
        for (ReportInfo info : reports.list(ko)) {
            for (ReportQuery q : List.of(all, filtered)) {
                long[] nanos = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long s = System.nanoTime();
                    reports.run(info.name(), q, ko).orElseThrow();
                    nanos[i] = System.nanoTime() - s;
                }
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f |%n", info.name(),
                        q == all ? "none" : "본관, 성인", nanos[RUNS / 2] / 1e6, nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6,
                        nanos[RUNS - 1] / 1e6);
            }
        }
        exportHeap(exports, all, ko, memory);
    }

    private static void exportHeap(ReportExports exports, ReportQuery query, Locale ko, MemoryMXBean memory)
            throws java.io.IOException {
        System.gc();
        long base = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(base);
        AtomicLong bytes = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long t0 = System.nanoTime();
        exports.write("funnel", query, ExportFormat.XLSX, ko, new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        });
        double took = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        System.out.printf(Locale.ROOT, "%n- funnel XLSX with every entry as a detail row: %.1f MB in %.1f s; the live heap "
                        + "(after a full GC) peaked %.1f MB above the live heap before the export%n", bytes.get() / 1048576.0,
                took, (peak.get() - base) / 1048576.0);
    }

    // ---- data ------------------------------------------------------------------------------------------------

    private record Line(TermType type, Audience audience, ProgramKind kind, int weight, int sessions) {
    }

    /** Roughly the seed report's shares: mostly 3-month adult classes; literacy few but long; sports large. */
    private static final List<Line> LINES = List.of(new Line(TermType.THREE_MONTH, Audience.ADULT, ProgramKind.CLASS, 50, 12),
            new Line(TermType.THREE_MONTH, Audience.YOUTH_CHILDREN, ProgramKind.CLASS, 8, 12),
            new Line(TermType.THREE_MONTH, Audience.INFANT, ProgramKind.CLASS, 4, 12),
            new Line(TermType.SIX_MONTH, Audience.ADULT, ProgramKind.CLASS, 10, 24),
            new Line(TermType.YEAR_LONG, Audience.ADULT, ProgramKind.LITERACY, 3, 80),
            new Line(TermType.QUARTERLY, Audience.SPORTS, ProgramKind.SPORTS_LESSON, 20, 24),
            new Line(TermType.QUARTERLY, Audience.SPORTS, ProgramKind.GYM_MEMBERSHIP, 5, 0));

    private static long generate(MongoDatabase db, int year) {
        Random random = new Random(SEED);
        int totalWeight = LINES.stream().mapToInt(Line::weight).sum();
        MongoCollection<Document> terms = db.getCollection("terms");
        for (TermType t : TermType.values()) {
            terms.insertOne(new Document("_id", "bench-" + t).append("nameKo", year + " " + t).append("nameEn", year + " " + t)
                    .append("type", t.name()).append("startDate", LocalDate.of(year, 3, 2))
                    .append("endDate", LocalDate.of(year, 12, 20)));
        }
        List<Line> lineOf = new ArrayList<>();
        List<Integer> sessionsOf = new ArrayList<>();
        List<Document> offerings = new ArrayList<>();
        LocalSessions calendar = new LocalSessions(year);
        Date opens = Date.from(LocalDate.of(year, 1, 5).atStartOfDay(java.time.ZoneId.of("Asia/Seoul")).toInstant());
        Date closes = Date.from(LocalDate.of(year, 2, 20).atStartOfDay(java.time.ZoneId.of("Asia/Seoul")).toInstant());
        for (int i = 0; i < OFFERINGS; i++) {
            int roll = random.nextInt(totalWeight);
            Line line = LINES.getFirst();
            for (Line l : LINES) {
                if (roll < l.weight()) {
                    line = l;
                    break;
                }
                roll -= l.weight();
            }
            lineOf.add(line);
            List<LocalDate> days = calendar.sessions(Math.max(line.sessions(), 12), random);
            sessionsOf.add(line.sessions());
            LearningSubcategory sub = LearningSubcategory.values()[random.nextInt(LearningSubcategory.values().length)];
            offerings.add(new Document("_id", "bench-o-" + i).append("programId", "bench-p-" + (i % 400))
                    .append("termId", "bench-" + line.type()).append("branchId", random.nextInt(4) == 0 ? "ahyeon" : "main")
                    .append("roomId", "bench-room").append("titleKo", "벤치 강좌 " + i).append("titleEn", "Bench " + i)
                    .append("domain", PolicyDomain.values()[random.nextInt(5)].name()).append("audience", line.audience().name())
                    .append("kind", line.kind().name()).append("format", "ON_SITE").append("minAge", 0).append("maxAge", 200)
                    .append("fee", 10_000L * random.nextInt(8)).append("feeReductionsApply", true).append("accessibility", List.of())
                    .append("instructorIds", List.of()).append("instructorNames", List.of()).append("weekdays", List.of(1, 3))
                    .append("startTime", "10:00").append("endTime", "12:00").append("startMinute", 600).append("endMinute", 720)
                    .append("firstDate", days.getFirst()).append("lastDate", days.getLast()).append("sessionDates", days)
                    .append("capacity", 200).append("seatsTaken", 0).append("seatsLeft", 200).append("waitlistLength", 0)
                    .append("publication", "PUBLISHED").append("recruitmentOpensAt", opens)
                    .append("recruitmentClosesAt", closes).append("recruitmentMethod", "FIRST_COME")
                    .append("recruitmentPhases", List.of()).append("updatedAt", new Date()).append("area", sub.area().name())
                    .append("subcategory", sub.name()));
        }
        db.getCollection("offerings").insertMany(offerings);
        int persons = Math.max(1, ENTRIES / 3);
        List<Document> entries = new ArrayList<>();
        List<Document> totals = new ArrayList<>();
        List<List<String>> byOffering = new ArrayList<>();
        for (int i = 0; i < OFFERINGS; i++) {
            byOffering.add(new ArrayList<>());
        }
        AgeBand[] bands = AgeBand.values();
        District[] districts = District.values();
        Date now = new Date();
        for (int e = 0; e < ENTRIES; e++) {
            int o = random.nextInt(OFFERINGS);
            Line line = lineOf.get(o);
            String person = "bench-person-" + random.nextInt(persons);
            String id = "bench-e-" + e;
            int r = random.nextInt(100);
            String status = r < 90 ? "ENROLLED" : r < 96 ? "CANCELLED" : "WAITLISTED";
            String reduction = random.nextInt(12) == 0 ? "BASIC_LIVELIHOOD" : random.nextInt(12) == 0 ? "ELDERLY" : null;
            long base = 30_000;
            long amount = reduction == null ? base : base / 2;
            District district = districts[random.nextInt(districts.length)];
            entries.add(new Document("_id", id).append("offeringId", "bench-o-" + o).append("termId", "bench-" + line.type())
                    .append("offeringTitleKo", "벤치 강좌 " + o).append("participantId", person).append("householdId", person)
                    .append("participantName", "참가자").append("status", status).append("baseFee", base)
                    .append("reductionCode", reduction).append("reductionPercent", reduction == null ? 0 : 50)
                    .append("amount", amount).append("payment", "CANCELLED".equals(status) ? "REFUNDED" : "PAID")
                    .append("refundAmount", "CANCELLED".equals(status) ? amount / 2 : 0L).append("createdAt", now)
                    .append("enrolledAt", "WAITLISTED".equals(status) ? null : now)
                    .append("endedAt", "CANCELLED".equals(status) ? now : null).append("assisted", false)
                    .append("history", List.of())
                    .append("facts", new Document("year", year).append("person", person)
                            .append("ageBand", bands[random.nextInt(bands.length)].name()).append("district", district.name())
                            .append("resident", district == District.MAPO).append("reductionCategory", reduction)
                            .append("audience", line.audience().name()).append("termType", line.type().name())));
            if ("ENROLLED".equals(status)) {
                byOffering.get(o).add(id);
            }
            if (entries.size() == 5_000) {
                db.getCollection("enrollments").insertMany(entries);
                entries.clear();
            }
        }
        if (!entries.isEmpty()) {
            db.getCollection("enrollments").insertMany(entries);
        }
        long marks = 0;
        String[] statuses = {"PRESENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT", "LATE", "ABSENT", "EXCUSED"};
        List<Document> sessionDocs = new ArrayList<>();
        for (int o = 0; o < OFFERINGS; o++) {
            List<String> enrolled = byOffering.get(o);
            int sessions = sessionsOf.get(o);
            if (sessions == 0 || enrolled.isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<LocalDate> days = (List<LocalDate>) offerings.get(o).get("sessionDates");
            int[] attended = new int[enrolled.size()];
            for (int s = 0; s < sessions && s < days.size(); s++) {
                Document m = new Document();
                for (int k = 0; k < enrolled.size(); k++) {
                    String st = statuses[random.nextInt(statuses.length)];
                    m.append(enrolled.get(k), new Document("status", st).append("by", "bench").append("at", now));
                    if ("PRESENT".equals(st) || "LATE".equals(st)) {
                        attended[k]++;
                    }
                    marks++;
                }
                sessionDocs.add(new Document("_id", "bench-o-" + o + "/" + days.get(s)).append("offeringId", "bench-o-" + o)
                        .append("date", days.get(s).toString()).append("marks", m));
                if (sessionDocs.size() == 500) {
                    db.getCollection("attendance_sessions").insertMany(sessionDocs);
                    sessionDocs.clear();
                }
            }
            for (int k = 0; k < enrolled.size(); k++) {
                totals.add(new Document("_id", enrolled.get(k)).append("offeringId", "bench-o-" + o).append("year", year)
                        .append("attended", attended[k]));
            }
            if (totals.size() >= 5_000) {
                db.getCollection("attendance_totals").insertMany(totals);
                totals.clear();
            }
        }
        if (!sessionDocs.isEmpty()) {
            db.getCollection("attendance_sessions").insertMany(sessionDocs);
        }
        if (!totals.isEmpty()) {
            db.getCollection("attendance_totals").insertMany(totals);
        }
        return marks;
    }

    /** Monday and Wednesday dates of the year from March on, as many as asked (wrapping is not needed here). */
    private static final class LocalSessions {
        private final List<LocalDate> days = new ArrayList<>();

        LocalSessions(int year) {
            for (LocalDate d = LocalDate.of(year, 3, 2); d.getYear() == year; d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.MONDAY || d.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                    days.add(d);
                }
            }
        }

        List<LocalDate> sessions(int n, Random random) {
            int start = random.nextInt(Math.max(1, days.size() - n));
            return List.copyOf(days.subList(start, Math.min(days.size(), start + n)));
        }
    }
}
