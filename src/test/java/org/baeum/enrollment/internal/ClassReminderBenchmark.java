package org.baeum.enrollment.internal;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.baeum.BenchmarkPortal;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.mail.EmbeddedSmtpServers;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
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
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.PaymentState;
import org.baeum.notification.internal.OutboxRepository;
import org.bson.Document;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Class reminders at scale (issue 19, decision 0049): {@code benchmark.reminders} (10,000) participants, each of their
 * own household, enrolled in {@code benchmark.reminderOfferings} (100) classes whose first session is tomorrow. STAFF's
 * hour is set to the current hour, so tomorrow's item is due; the clock starts when the portal's own Quartz job
 * ({@code class-reminders}, paused while the data was made) is started, and stops at GreenMail's receive time of the
 * last reminder. Then the day's item is forgotten and run again (as after a crash before it was marked): no mail may
 * be added or received twice. Not a test: {@code ./mvnw -o -Pbenchmark test -Dbenchmark.run=reminders}
 * (docs/performance.md, "Class reminders").
 */
public final class ClassReminderBenchmark {

    private static final int REMINDERS = Integer.getInteger("benchmark.reminders", 10_000);
    private static final int OFFERINGS = Integer.getInteger("benchmark.reminderOfferings", 100);
    private static final int TIMEOUT_SECONDS = Integer.getInteger("benchmark.timeout", 600);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private ClassReminderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%n# Class reminder benchmark%n%n- JVM: %s %s, %d processors, max heap %d MB%n",
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "- %d participants (one household each) in %d classes starting tomorrow%n",
                REMINDERS, OFFERINGS);
        Path dir = Files.createTempDirectory("baeum-reminder-benchmark-");
        ConfigurableApplicationContext context = BenchmarkPortal.start("--baeum.mongo.uri=",
                "--baeum.mongo.embedded-store=h2", "--baeum.mongo.data-dir=" + dir, "--baeum.mongo.embedded-port=0",
                "--baeum.mail.host=", "--baeum.mail.embedded-port=0", "--baeum.demo.enabled=false", "--server.port=0",
                "--server.address=127.0.0.1", "--logging.level.org.baeum.notification=warn",
                "--logging.level.org.baeum.enrollment=warn", "--logging.level.org.baeum.catalog=warn",
                "--logging.level.org.baeum.base.scheduling=warn");
        try {
            run(context);
        } finally {
            context.close();
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(ConfigurableApplicationContext context) throws Exception {
        Scheduler scheduler = context.getBean(Scheduler.class);
        scheduler.pauseJob(ClassReminderJob.KEY);
        while (scheduler.getCurrentlyExecutingJobs().stream().anyMatch(j -> j.getJobDetail().getKey().equals(ClassReminderJob.KEY))) {
            Thread.sleep(50);
        }
        LocalDate tomorrow = LocalDate.now(SEOUL).plusDays(1);
        long setUp = System.nanoTime();
        List<OfferingId> offerings = SystemIdentity.call(() -> offerings(context, tomorrow));
        enrol(context, offerings);
        ReminderChoices choices = context.getBean(ReminderChoices.class);
        ClassReminderRun reminders = context.getBean(ClassReminderRun.class);
        ReminderDayRepository days = context.getBean(ReminderDayRepository.class);
        choices.saveHour(LocalTime.now(SEOUL).getHour(), "benchmark", Instant.now());
        reminders.scheduleComing();
        System.out.printf(Locale.ROOT, "- set up in %.1f s; tomorrow (%s) due at %s; load average %s%n",
                (System.nanoTime() - setUp) / 1e9, tomorrow, days.dueAt(tomorrow).orElseThrow(), load());

        GreenMail greenMail = EmbeddedSmtpServers.of(context);
        MongoDatabase database = context.getBean(MongoDatabase.class);
        MongoCollection<Document> outbox = database.getCollection(OutboxRepository.COLLECTION);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        Instant start = Instant.now();
        scheduler.resumeJob(ClassReminderJob.KEY);
        scheduler.triggerJob(ClassReminderJob.KEY);
        Instant queued = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(TIMEOUT_SECONDS).toNanos();
        int received = 0;
        while (received < REMINDERS && System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (queued == null && days.status(tomorrow).filter("DONE"::equals).isPresent()) {
                queued = Instant.now();
            }
            received = greenMail.getReceivedMessages().length;
        }
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        settle(outbox);
        Instant last = start;
        for (StoredMessage m : greenMail.getManagers().getImapHostManager().getAllMessages()) {
            Instant at = m.getReceivedDate().toInstant();
            last = at.isAfter(last) ? at : last;
        }
        Check first = check(greenMail, outbox);
        double total = Duration.between(start, last).toMillis() / 1e3;
        System.out.printf(Locale.ROOT, "- item run → all queued: %s; → all received: **%.1f s** (%.0f mails/s); process CPU %.0f s; load %s%n",
                queued == null ? "not done" : String.format(Locale.ROOT, "%.1f s", Duration.between(start, queued).toMillis() / 1e3),
                total, first.received() / total, cpu, load());
        System.out.printf(Locale.ROOT, "- %s%n", first);

        // the day's item again, as after a crash between queuing and marking: nothing new may be added or sent
        days.forget(tomorrow);
        reminders.scheduleComing();
        Instant again = Instant.now();
        scheduler.triggerJob(ClassReminderJob.KEY);
        while (days.status(tomorrow).filter("DONE"::equals).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double walkAgain = Duration.between(again, Instant.now()).toMillis() / 1e3;
        settle(outbox);
        Check second = check(greenMail, outbox);
        System.out.printf(Locale.ROOT, "- the day's walk again (%.1f s): %s%n", walkAgain, second);
        boolean ok = first.received() == REMINDERS && first.ok() && second.equals(first);
        System.out.printf(Locale.ROOT, "%n| reminders | classes | run → all queued s | run → all received s | mails/s | received twice | outbox rows | walk again: new rows, new mail | process CPU s | check |%n");
        System.out.printf(Locale.ROOT, "|--:|--:|--:|--:|--:|--:|--:|---|--:|---|%n");
        System.out.printf(Locale.ROOT, "| %d | %d | %s | %.1f | %.0f | %d | %d | %d, %d | %.0f | %s |%n", REMINDERS, OFFERINGS,
                queued == null ? "-" : String.format(Locale.ROOT, "%.1f", Duration.between(start, queued).toMillis() / 1e3),
                total, first.received() / total, first.twice(), first.rows(), second.rows() - first.rows(),
                second.received() - first.received(), cpu, ok ? "passed" : "**FAILED**");
    }

    record Check(int received, int distinctMessageIds, int recipients, int twice, long rows, long notDone) {
        boolean ok() {
            return twice == 0 && distinctMessageIds == received && recipients == received && rows == received && notDone == 0;
        }
    }

    private static Check check(GreenMail greenMail, MongoCollection<Document> outbox) throws MessagingException {
        List<StoredMessage> stored = greenMail.getManagers().getImapHostManager().getAllMessages();
        Map<String, Integer> byId = new HashMap<>();
        Map<String, Integer> byRecipient = new HashMap<>();
        for (StoredMessage m : stored) {
            byId.merge(m.getMimeMessage().getMessageID(), 1, Integer::sum);
            for (var to : m.getMimeMessage().getAllRecipients()) {
                byRecipient.merge(((InternetAddress) to).getAddress().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        int twice = (int) Stream.concat(byId.values().stream(), byRecipient.values().stream()).filter(n -> n > 1).count();
        long rows = outbox.countDocuments(Filters.eq("kind", "CLASS_REMINDER"));
        long notDone = outbox.countDocuments(Filters.and(Filters.eq("kind", "CLASS_REMINDER"), Filters.ne("status", "DONE")));
        return new Check(stored.size(), byId.size(), byRecipient.size(), twice, rows, notDone);
    }

    private static void settle(MongoCollection<Document> outbox) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (outbox.countDocuments(Filters.in("status", "PENDING", "CLAIMED")) > 0 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        Thread.sleep(3_000);
    }

    /** One branch, a room per class, a term, a program, and the classes: daily from tomorrow for a week, 10:00. */
    private static List<OfferingId> offerings(ConfigurableApplicationContext context, LocalDate first) {
        CatalogService catalog = context.getBean(CatalogService.class);
        BranchRepository branches = context.getBean(BranchRepository.class);
        branches.save(new BranchRepository.BranchDocument("bench", "알림 분관", "Reminder branch", "서울 마포구 홍익로2길 16",
                "", "", "", 1));
        int seats = (REMINDERS + OFFERINGS - 1) / OFFERINGS;
        for (int i = 0; i < OFFERINGS; i++) {
            branches.save(new BranchRepository.RoomDocument(room(i), "bench", "강의실 " + i, "Room " + i,
                    RoomKind.LIFELONG_LEARNING_ROOM, seats, "1F", true, i));
        }
        TermId term = catalog.saveTerm(new TermDraft(null, "알림 학기", "Reminder term", TermType.THREE_MONTH,
                first.minusDays(1), first.plusDays(60)));
        ProgramId program = catalog.saveProgram(new ProgramDraft(null, "생활 영어 회화", "Everyday English", null, null,
                PolicyDomain.LIFE_TRANSITION, Audience.ADULT, ProgramKind.CLASS, null, null, new BranchId("bench"), List.of(),
                0L, false, DeliveryFormat.ON_SITE, Set.of(), null, null,
                org.baeum.catalog.Classification.of(org.baeum.catalog.LearningArea.LIBERAL_ARTS)));
        LocalDateTime opens = LocalDateTime.now(SEOUL).minusHours(1).withSecond(0).withNano(0);
        List<OfferingId> ids = new ArrayList<>();
        for (int i = 0; i < OFFERINGS; i++) {
            OfferingId id = catalog.saveOffering(new OfferingDraft(null, program, term, room(i),
                    EnumSet.allOf(DayOfWeek.class), LocalTime.of(10, 0), LocalTime.of(11, 50), first, first.plusDays(6),
                    seats, opens, opens.plusMinutes(30), RecruitmentMethod.FIRST_COME));
            catalog.publish(id);
            ids.add(id);
        }
        return ids;
    }

    private static String room(int i) {
        return String.format(Locale.ROOT, "bench-room-%03d", i);
    }

    /** A household account per participant (every tenth reads English), its entry ENROLLED, inserted in batches. */
    private static void enrol(ConfigurableApplicationContext context, List<OfferingId> offerings) {
        AccountRepository accounts = context.getBean(AccountRepository.class);
        EnrollmentRepository entries = context.getBean(EnrollmentRepository.class);
        Instant now = Instant.now();
        List<EnrollmentDocument> batch = new ArrayList<>();
        for (int i = 0; i < REMINDERS; i++) {
            String n = String.format(Locale.ROOT, "%05d", i);
            String id = "bench-citizen-" + n;
            String email = "citizen-" + n + "@reminders.baeum";
            accounts.insert(new AccountDocument(id, email, email, "시민" + n, List.of(Role.CITIZEN), true,
                    i % 10 == 0 ? "en" : "ko", "-", now, null, LocalDate.of(1980, 1, 1), "MAPO", now, 0L, true, null));
            String offering = offerings.get(i % offerings.size()).value();
            batch.add(new EnrollmentDocument("bench-enr-" + n, offering, null, "생활 영어 회화", "Everyday English", id, id,
                    "시민" + n, EnrollmentStatus.ENROLLED, offering + "|" + id, id + "|bench", null, null, null, null, null,
                    0L, null, null, null, 0, 0L, PaymentState.UNPAID, 0L, null, now, now, null, null, id, false, null,
                    List.of(), null));
            if (batch.size() == 500) {
                entries.insertAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            entries.insertAll(batch);
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
