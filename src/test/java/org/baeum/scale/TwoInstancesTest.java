package org.baeum.scale;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.SecondInstance;
import org.baeum.TestAccounts;
import org.baeum.account.AccountService;
import org.baeum.account.EligibilityService;
import org.baeum.account.FeeReductionCategory;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.mail.EmbeddedSmtpServers;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.OfferingDesk;
import org.baeum.notification.internal.Delivery;
import org.baeum.notification.internal.OutboxRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two portal instances on one database (issue 20, decision 0053): instance A is the tests' shared portal with its
 * embedded server, instance B a second whole portal in this JVM ({@link SecondInstance}) whose {@code BAEUM_MONGO_URI}
 * points at A's server, with its own web server, Quartz scheduler, delivery workers and in-process SMTP server. Both
 * read the same {@link MutableClock}. What one instance may hold in memory and what must be decided in the database
 * is shown by effects: a rush split across both, timed jobs fired on both at once, both delivering mail, sign-out on
 * one, a cached setting changed on one.
 */
@BaeumIntegrationTest
class TwoInstancesTest {

    /** {@code ShortLived}'s time to live for the fee-reduction categories, the bound a change on another node waits. */
    private static final Duration CACHE_BOUND = Duration.ofSeconds(5);

    static ConfigurableApplicationContext b;
    static EnrollmentFixture fixture;

    @Autowired
    ApplicationContext a;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;
    @Autowired
    TestAccounts accounts;

    @BeforeAll
    static void startSecondInstance(@Autowired ConfigurableApplicationContext a, @Autowired MutableClock clock,
                                    @Autowired List<DemoDataContributor> contributors, @Autowired CatalogService catalog) {
        DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        b = SecondInstance.start(SecondInstance.databaseOf(a), clock, List.of("test"),
                // B's own mail goes to its own in-process SMTP server, on a port of its own
                "--baeum.mail.embedded-port=0");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (b != null) {
            b.close();
        }
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    @Test
    void the_instances_are_two_portals_on_one_database() {
        assertThat(SecondInstance.databaseOf(b)).isEqualTo(SecondInstance.databaseOf((ConfigurableApplicationContext) a));
        assertThat(port(b)).isNotEqualTo(port(a));
        assertThat(b.getBean(Scheduler.class)).isNotSameAs(a.getBean(Scheduler.class));
        assertThat(EmbeddedSmtpServers.of(b)).isNotSameAs(EmbeddedSmtpServers.of(a));
    }

    @Test
    void a_rush_split_across_both_never_oversells_and_numbers_the_waitlist_without_gaps() throws Exception {
        int capacity = 6;
        int citizens = 40;
        OfferingId offering = fixture.offering(capacity, 0);
        List<BaeumUser> rushing = accounts.citizens("rush", "러시", citizens, LocalDate.of(1980, 1, 1));
        CitizenEnrollments[] instances = {a.getBean(CitizenEnrollments.class), b.getBean(CitizenEnrollments.class)};

        List<Enrollment> answers = atOnce(citizens, i -> {
            TestAccounts.signIn(rushing.get(i));
            try {
                return instances[i % 2].enroll(offering, null, UUID.randomUUID().toString());
            } finally {
                TestAccounts.signOut();
            }
        });

        List<Enrollment> enrolled = answers.stream().filter(e -> e.status() == EnrollmentStatus.ENROLLED).toList();
        List<Integer> positions = answers.stream().filter(e -> e.status() == EnrollmentStatus.WAITLISTED)
                .map(e -> e.line().waitlistPosition()).sorted().toList();
        assertThat(enrolled).as("seats given out").hasSize(capacity);
        assertThat(positions).as("waitlist positions the citizens were told")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, citizens - capacity).boxed().toList());
        // both instances answered part of the rush
        assertThat(answers.stream().map(e -> e.who().household()).distinct()).hasSize(citizens);

        OfferingDesk desk = asStaff(() -> b.getBean(EnrollmentDesk.class).desk(offering));
        assertThat(desk.taken()).isEqualTo(capacity);
        assertThat(desk.left()).isZero();
        assertThat(desk.enrolled()).hasSize(capacity);
        assertThat(desk.waitlist()).extracting(e -> e.line().waitlistPosition())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, citizens - capacity).boxed().toList());
        SeatLedger.Ledger ledger = SystemIdentity.call(() -> a.getBean(SeatLedger.class).ledger(offering)).orElseThrow();
        assertThat(ledger.holders()).extracting(SeatLedger.Holder::id)
                .containsExactlyInAnyOrderElementsOf(enrolled.stream().map(e -> e.id().value()).toList());

        deliverOnBothAndCheckEachMailWentOnce();
    }

    @Test
    void an_offer_that_runs_out_is_expired_and_passed_on_once_when_both_instances_run_the_job() throws Exception {
        OfferingId offering = fixture.offering(1, 0);
        List<BaeumUser> line = accounts.citizens("expiry", "기한", 3, LocalDate.of(1981, 1, 1));
        Enrollment first = enroll(a, line.get(0), offering);
        Enrollment second = enroll(b, line.get(1), offering);
        Enrollment third = enroll(a, line.get(2), offering);
        TestAccounts.signIn(line.get(0));
        b.getBean(CitizenEnrollments.class).cancel(first.id(), null);
        assertThat(read(a, line.get(1), second).status()).isEqualTo(EnrollmentStatus.OFFERED);
        deliverOnBothAndCheckEachMailWentOnce();

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        Instant moved = clock.instant().minusSeconds(1);
        runOnBothAtOnce("enrollment-due-work");

        Enrollment expired = read(b, line.get(1), second);
        Enrollment offered = read(a, line.get(2), third);
        assertThat(expired.status()).isEqualTo(EnrollmentStatus.EXPIRED);
        assertThat(offered.status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(expired.history()).extracting(HistoryItem::what).containsOnlyOnce("EXPIRED");
        assertThat(offered.history()).extracting(HistoryItem::what).containsExactly("WAITLISTED", "OFFERED");
        assertThat(outbox().countDocuments(and(eq("toAddress", "expiry2@test.baeum"), gte("createdAt", moved))))
                .as("one offer mail queued for the next in line").isEqualTo(1);
        deliverOnBothAndCheckEachMailWentOnce();
    }

    @Test
    void signing_out_everywhere_on_one_instance_ends_the_session_on_the_other() throws Exception {
        BaeumUser user = accounts.create("two-instance-citizen", Role.CITIZEN);
        Browser onA = Browser.signedIn(port(a), "two-instance-citizen");
        Browser onB = Browser.signedIn(port(b), "two-instance-citizen");

        TestAccounts.signIn(user);
        a.getBean(AccountService.class).signOutEverywhere();

        assertThat(onB.page("/my/account").location()).as("B's session, at its next request").endsWith("/login?ended");
        assertThat(onA.page("/my/account").location()).endsWith("/login?ended");
        assertThat(onB.page("/my/account").location()).as("and it stays ended").endsWith("/login");
    }

    @Test
    void a_cached_setting_changed_on_one_instance_is_seen_on_the_other_within_its_bound() {
        BaeumUser admin = accounts.create("two-instance-admin", Role.ADMIN);
        EligibilityService onA = a.getBean(EligibilityService.class);
        EligibilityService onB = b.getBean(EligibilityService.class);
        FeeReductionCategory category = new FeeReductionCategory("TWO_INSTANCES", "두 인스턴스", "Two instances", 30, true,
                true, 90);
        long bRead = System.nanoTime();
        assertThat(onB.categories()).extracting(FeeReductionCategory::code).doesNotContain("TWO_INSTANCES");

        TestAccounts.signIn(admin);
        onA.saveCategory(category);
        long written = System.nanoTime();
        boolean bStillCached = Duration.ofNanos(System.nanoTime() - bRead).compareTo(CACHE_BOUND.minusSeconds(1)) < 0
                && !codes(onB).contains("TWO_INSTANCES");

        assertThat(codes(onA)).as("the writing instance sees its change at once").contains("TWO_INSTANCES");
        Awaitility.await("B sees A's new category").atMost(CACHE_BOUND.plusSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> codes(onB).contains("TWO_INSTANCES"));
        Duration seenAfter = Duration.ofNanos(System.nanoTime() - written);
        assertThat(seenAfter).as("seen on B within the bound").isLessThanOrEqualTo(CACHE_BOUND.plusSeconds(1));
        if (Duration.ofNanos(written - bRead).compareTo(Duration.ofSeconds(1)) < 0) {
            assertThat(bStillCached).as("B answered from its cache right after the change (the bound is real)").isTrue();
        }

        onA.saveCategory(new FeeReductionCategory("TWO_INSTANCES", "두 인스턴스", "Two instances", 50, true, true, 90));
        Awaitility.await("B sees the new rate").atMost(CACHE_BOUND.plusSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> onB.category("TWO_INSTANCES").map(FeeReductionCategory::ratePercent).orElse(0) == 50);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<String> codes(EligibilityService service) {
        return service.categories().stream().map(FeeReductionCategory::code).toList();
    }

    private static Enrollment enroll(ApplicationContext instance, BaeumUser citizen, OfferingId offering) {
        TestAccounts.signIn(citizen);
        try {
            return instance.getBean(CitizenEnrollments.class).enroll(offering, null, UUID.randomUUID().toString());
        } finally {
            TestAccounts.signOut();
        }
    }

    private static Enrollment read(ApplicationContext instance, BaeumUser citizen, Enrollment entry) {
        TestAccounts.signIn(citizen);
        try {
            return instance.getBean(CitizenEnrollments.class).enrollment(entry.id());
        } finally {
            TestAccounts.signOut();
        }
    }

    private <T> T asStaff(Callable<T> work) throws Exception {
        TestAccounts.signIn(accounts.userOrCreate("two-instance-staff", Role.STAFF));
        try {
            return work.call();
        } finally {
            TestAccounts.signOut();
        }
    }

    /** {@code n} calls started together from {@code n} threads (index i), their answers in index order. */
    private static <T> List<T> atOnce(int n, Function<Integer, T> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(index);
                }));
            }
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : futures) {
                answers.add(f.get());
            }
            return answers;
        }
    }

    private static int port(ApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private com.mongodb.client.MongoCollection<Document> outbox() {
        return database.getCollection(OutboxRepository.COLLECTION);
    }

    /**
     * Both instances' delivery workers at once, until no mail is due or being sent; then every mail row the outbox
     * holds is done and its Message-ID reached the SMTP servers of both instances together exactly once.
     */
    private void deliverOnBothAndCheckEachMailWentOnce() throws Exception {
        Delivery[] workers = {a.getBean(Delivery.class), b.getBean(Delivery.class)};
        Awaitility.await("mail still waiting").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    atOnce(2, i -> workers[i].deliverDue());
                    return outbox().countDocuments(or(eq("status", "CLAIMED"),
                            and(eq("status", "PENDING"), lte("dueAt", clock.instant())))) == 0;
                });
        List<Document> rows = outbox().find(or(eq("channel", null), eq("channel", "mail"))).into(new ArrayList<>());
        assertThat(rows).as("mail was queued").isNotEmpty();
        assertThat(rows).extracting(r -> r.getString("status")).containsOnly("DONE");
        List<SentMail> received = new ArrayList<>(EmbeddedSmtpServers.whole(a, 100_000));
        received.addAll(EmbeddedSmtpServers.whole(b, 100_000));
        Map<String, Long> copies = received.stream().filter(m -> m.messageId() != null)
                .collect(Collectors.groupingBy(SentMail::messageId, Collectors.counting()));
        for (Document row : rows) {
            assertThat(copies.getOrDefault(row.getString("messageId"), 0L))
                    .as("copies of %s to %s", row.getString("subject"), row.getString("toAddress")).isEqualTo(1L);
        }
        List<String> ids = rows.stream().map(r -> r.getString("messageId")).toList();
        assertThat(outbox().countDocuments(in("messageId", ids))).isEqualTo(rows.size());
    }

    /**
     * Fires the job on both instances' schedulers together (as their own triggers would) and waits until both runs
     * are recorded and neither scheduler is still running it.
     */
    private void runOnBothAtOnce(String job) throws Exception {
        Scheduler[] schedulers = {a.getBean(Scheduler.class), b.getBean(Scheduler.class)};
        long before = runs(job);
        for (Scheduler s : schedulers) {
            s.triggerJob(key(s, job));
        }
        Awaitility.await(job + " on both").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> runs(job) >= before + 2 && !running(schedulers[0], job) && !running(schedulers[1], job));
    }

    private long runs(String job) {
        Document run = database.getCollection("job_runs").find(eq("_id", job)).first();
        return run == null ? 0 : ((Number) run.get("runs")).longValue();
    }

    private static boolean running(Scheduler scheduler, String job) throws SchedulerException {
        return scheduler.getCurrentlyExecutingJobs().stream().anyMatch(c -> c.getJobDetail().getKey().getName().equals(job));
    }

    private static JobKey key(Scheduler scheduler, String job) throws SchedulerException {
        List<JobKey> keys = scheduler.getJobKeys(GroupMatcher.anyJobGroup()).stream()
                .filter(k -> k.getName().equals(job)).toList();
        assertThat(keys).as("job " + job).hasSize(1);
        return keys.getFirst();
    }

    /** A browser signed in on one instance: its own cookies, page requests as a browser sends them. */
    private record Browser(int port, HttpClient http) {

        static Browser signedIn(int port, String username) throws Exception {
            Browser browser = new Browser(port, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
            browser.send(HttpRequest.newBuilder(browser.uri("/login")).GET());
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8);
            Answer login = browser.send(HttpRequest.newBuilder(browser.uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(login.location()).doesNotContain("error");
            assertThat(browser.page("/my/account").location()).as("signed in on port %d", port).doesNotContain("/login");
            return browser;
        }

        Answer page(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
        }

        Answer send(HttpRequest.Builder request) throws Exception {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""));
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    private record Answer(int status, String location) {
    }
}
