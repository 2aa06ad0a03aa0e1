package org.baeum.scale;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.baeum.TestAccounts;
import org.baeum.base.mail.EmbeddedSmtpServers;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.notification.internal.Delivery;
import org.baeum.notification.internal.OutboxRepository;
import org.bson.Document;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.context.ApplicationContext;

/** What {@link TwoInstancesTest} and {@link TwoInstanceJobsTest} do on both instances: calls, timed jobs, mail delivery, signed-in browsers. */
record TwoInstances(ApplicationContext a, ApplicationContext b, MongoDatabase database, Clock clock) {

    List<ApplicationContext> both() {
        return List.of(a, b);
    }

    /** Instance A for even {@code i}, B for odd. */
    ApplicationContext split(int i) {
        return i % 2 == 0 ? a : b;
    }

    static <T> T as(BaeumUser user, Supplier<T> work) {
        TestAccounts.signIn(user);
        try {
            return work.get();
        } finally {
            TestAccounts.signOut();
        }
    }

    static Enrollment enroll(ApplicationContext instance, BaeumUser citizen, OfferingId offering) {
        return as(citizen, () -> instance.getBean(CitizenEnrollments.class).enroll(offering, null, UUID.randomUUID().toString()));
    }

    static Enrollment read(ApplicationContext instance, BaeumUser citizen, Enrollment entry) {
        return as(citizen, () -> instance.getBean(CitizenEnrollments.class).enrollment(entry.id()));
    }

    /** {@code n} calls started together from {@code n} threads (index i), their answers in index order. */
    static <T> List<T> atOnce(int n, Function<Integer, T> call) throws Exception {
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

    static int port(ApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    MongoCollection<Document> outbox() {
        return database.getCollection(OutboxRepository.COLLECTION);
    }

    /** Every mail both instances' in-process SMTP servers received. */
    List<SentMail> received() {
        List<SentMail> all = new ArrayList<>(EmbeddedSmtpServers.whole(a, 100_000));
        all.addAll(EmbeddedSmtpServers.whole(b, 100_000));
        return all;
    }

    /** The mail to {@code address} (on either instance) whose subject or text contains {@code text}. */
    List<SentMail> received(String address, String text) {
        return received().stream().filter(m -> m.to().stream().anyMatch(t -> t.equalsIgnoreCase(address)))
                .filter(m -> m.subject().contains(text) || m.textBody().contains(text)).toList();
    }

    /**
     * Both instances' delivery workers at once, until no mail is due or being sent; then every mail row the outbox
     * holds is done and its Message-ID reached the SMTP servers of both instances together exactly once. Tests call it
     * before they move the clock: a jump past the lease of a mail being sent would let the other instance send it again
     * (the lease's documented limit, {@code DueWork}), which no real clock does.
     */
    void deliverOnBothAndCheckEachMailWentOnce() throws Exception {
        Delivery[] workers = {a.getBean(Delivery.class), b.getBean(Delivery.class)};
        Awaitility.await("mail still waiting").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    atOnce(2, i -> workers[i].deliverDue());
                    return outbox().countDocuments(or(eq("status", "CLAIMED"),
                            and(eq("status", "PENDING"), lte("dueAt", clock.instant())))) == 0;
                });
        List<Document> rows = outbox().find(or(eq("channel", null), eq("channel", "mail"))).into(new ArrayList<>());
        assertThat(rows).extracting(r -> r.getString("status")).as("every mail row is sent").containsOnly("DONE");
        Map<String, Long> copies = received().stream().filter(m -> m.messageId() != null)
                .collect(Collectors.groupingBy(SentMail::messageId, Collectors.counting()));
        for (Document row : rows) {
            assertThat(copies.getOrDefault(row.getString("messageId"), 0L))
                    .as("copies of '%s' to %s", row.getString("subject"), row.getString("toAddress")).isEqualTo(1L);
        }
        List<String> ids = rows.stream().map(r -> r.getString("messageId")).toList();
        assertThat(outbox().countDocuments(in("messageId", ids))).as("one row per Message-ID").isEqualTo(rows.size());
    }

    /**
     * Fires the job on both instances' schedulers together (as their own triggers would) and waits until both runs
     * are recorded and neither scheduler is still running it.
     */
    void runOnBothAtOnce(String job) throws Exception {
        Scheduler[] schedulers = {a.getBean(Scheduler.class), b.getBean(Scheduler.class)};
        long before = runs(job);
        JobKey[] keys = {key(schedulers[0], job), key(schedulers[1], job)};
        atOnce(2, i -> {
            try {
                schedulers[i].triggerJob(keys[i]);
                return null;
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });
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
    record Browser(int port, HttpClient http) {

        static Browser signedIn(ApplicationContext instance, String username) throws Exception {
            int port = TwoInstances.port(instance);
            Browser browser = new Browser(port, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
            browser.send(HttpRequest.newBuilder(browser.uri("/login")).GET());
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8);
            String location = browser.send(HttpRequest.newBuilder(browser.uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(location).doesNotContain("error");
            assertThat(browser.page("/my/account")).as("signed in on port %d", port).doesNotContain("/login");
            return browser;
        }

        /** Where the page sends the browser ({@code Location}), or "" when it is served. */
        String page(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
        }

        private String send(HttpRequest.Builder request) throws Exception {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("Location").orElse("");
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
