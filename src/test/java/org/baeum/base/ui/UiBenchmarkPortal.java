package org.baeum.base.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.baeum.BenchmarkPortal;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.security.Role;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Classification;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.LearningSubcategory;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the browser-session benchmarks ({@link SessionMemoryBenchmark}, {@link UiRushBenchmark}) set up in a local
 * portal before they measure: the portal itself on the embedded database in a new temp folder (no demo data), verified
 * citizens with one known password (inserted through {@link AccountRepository} with one precomputed hash, so that
 * they sign in through the real form), and first-come offerings whose recruitment window is open, made through
 * {@link CatalogService} as the system identity.
 */
final class UiBenchmarkPortal implements AutoCloseable {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** {@code benchmark.vaadinProduction} (true): Vaadin in production mode. */
    private static final boolean PRODUCTION = Boolean.parseBoolean(System.getProperty("benchmark.vaadinProduction",
            "true"));

    final ConfigurableApplicationContext context;
    final Path dir;
    final String password = "ui-benchmark " + UUID.randomUUID();

    private UiBenchmarkPortal(ConfigurableApplicationContext context, Path dir) {
        this.context = context;
        this.dir = dir;
    }

    /** The portal on a free loopback port; {@code extra}: more {@code --name=value} arguments, space-separated. */
    static UiBenchmarkPortal start(String extra) throws IOException {
        Path dir = Files.createTempDirectory("baeum-ui-benchmark-");
        List<String> args = new ArrayList<>(List.of("--baeum.mongo.uri=", "--baeum.mongo.embedded-store=h2",
                "--baeum.mongo.data-dir=" + dir, "--baeum.mongo.embedded-port=0", "--baeum.mail.host=",
                "--baeum.mail.embedded-port=0", "--baeum.demo.enabled=false", "--server.port=0",
                "--server.address=127.0.0.1", "--logging.level.org.baeum.enrollment=warn",
                "--logging.level.org.baeum.notification=warn", "--logging.level.org.baeum.base.scheduling=warn",
                "--logging.level.org.baeum.catalog=warn", "--logging.level.org.baeum.base.security=warn",
                // as the packaged portal runs: development mode keeps, for every component, where it was created
                // (for the dev tools), which tripled the memory of a UI. Needs the production frontend in
                // target/classes (./mvnw -o package, or the vaadin-maven-plugin's build-frontend goal).
                "--vaadin.productionMode=" + PRODUCTION));
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.strip().split("\\s+")));
        }
        return new UiBenchmarkPortal(BenchmarkPortal.start(args.toArray(String[]::new)), dir);
    }

    int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** {@code count} verified citizens {@code <prefix>-00000@bench.baeum}…, all with {@link #password}. */
    List<String> citizens(String prefix, int count) throws Exception {
        AccountRepository accounts = context.getBean(AccountRepository.class);
        String hash = context.getBean(PasswordEncoder.class).encode(password);
        String[] emails = new String[count];
        Instant now = Instant.now();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < count; i += 4) {
                        String n = String.format(Locale.ROOT, "%05d", i);
                        String email = prefix + "-" + n + "@bench.baeum";
                        accounts.insert(new AccountDocument(prefix + "-" + n, email, email, "시민" + n,
                                List.of(Role.CITIZEN), true, "ko", hash, now, String.format(Locale.ROOT, "010%08d", i),
                                LocalDate.of(1980, 1, 1), "MAPO", now, 0L, true, null));
                        emails[i] = email;
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return List.of(emails);
    }

    /**
     * {@code count} published first-come offerings of {@code seats} seats each, recruiting now, one room each, in one
     * branch, term and program (call as the system identity).
     */
    List<OfferingId> offerings(int count, int seats) {
        CatalogService catalog = context.getBean(CatalogService.class);
        BranchRepository branches = context.getBean(BranchRepository.class);
        branches.save(new BranchRepository.BranchDocument("ui", "화면 분관", "UI branch", "서울 마포구 홍익로2길 16",
                "", "", "", 1));
        LocalDate termStart = LocalDate.now(SEOUL).plusDays(30);
        TermId term = catalog.saveTerm(new TermDraft(null, "화면 학기", "UI term", TermType.THREE_MONTH, termStart,
                termStart.plusDays(90)));
        ProgramId program = catalog.saveProgram(new ProgramDraft(null, "수영 초급 정규반 (화면)",
                "Swimming for beginners (UI)", "10시 정각에 모집을 여는 인기 강좌",
                "A popular class whose recruitment opens at 10:00", PolicyDomain.JOB_SKILLS, Audience.ADULT,
                ProgramKind.CLASS, null, null, new BranchId("ui"), List.of(), 30_000L, true, DeliveryFormat.ON_SITE,
                Set.<AccessibilityFeature>of(), null, null, Classification.of(LearningSubcategory.LEISURE_SPORTS)));
        LocalDateTime opens = LocalDateTime.now(SEOUL).minusHours(1).withSecond(0).withNano(0);
        LocalDateTime closes = LocalDateTime.of(termStart.minusDays(3), LocalTime.of(18, 0));
        List<OfferingId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String room = "ui-room-" + i;
            branches.save(new BranchRepository.RoomDocument(room, "ui", "화면 강의실 " + i, "UI room " + i,
                    RoomKind.LIFELONG_LEARNING_ROOM, Math.max(seats, 30), "1F", true, i));
            OfferingId id = catalog.saveOffering(new OfferingDraft(null, program, term, room,
                    EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(10, 0), LocalTime.of(11, 50),
                    termStart, termStart.plusDays(60), seats, opens, closes, RecruitmentMethod.FIRST_COME));
            catalog.publish(id);
            ids.add(id);
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        context.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
