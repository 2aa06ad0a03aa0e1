package org.baeum.attendance.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.baeum.BenchmarkPortal;
import org.baeum.DemoCatalogFixture;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceSheet;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.TermDraft;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.InstructorRosters;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Saving attendance (issue 16: "one session's attendance for a class of 40 takes under 200 ms at p95"): starts the
 * portal on the embedded server with its H2 file store in a temporary folder (as {@code DrawBenchmark}), Quartz on
 * standby, makes an offering of 40 seats meeting Monday and Thursday for 12 weeks (24 sessions) taught by a made-up
 * instructor, and enrols 40 citizens through {@link CitizenEnrollments#enroll} (not timed). Then, signed in as the
 * instructor, it calls the {@link Attendance} bean (the Spring proxy: {@code @PreAuthorize} on) one save at a time:
 * <ul>
 *   <li><b>whole session</b>: {@code mark(offering, day, 40 marks, null)}, the sessions in turn, each visit of a session
 *       changing all 40 marks (the first visit creates the session's document);</li>
 *   <li><b>one tap</b>: {@code mark(offering, day, 1 mark, null)}, one participant's mark changed, as the phone saves
 *       each tap.</li>
 * </ul>
 * Each kind runs {@link #WARMUP} saves first (not reported), then {@code benchmark.saves} (200) timed ones (wall time
 * of the call). At the end the stored sheet must equal what was saved; then the parts of a whole-session save are
 * timed alone (the offering, the roster, the stored session, the update). Not a test: run it with
 * {@code ./mvnw -q -Pbenchmark test -Dbenchmark.run=attendance} (see docs/performance.md).
 */
public final class AttendanceSaveBenchmark {

    static final int SAVES = Integer.getInteger("benchmark.saves", 200);
    static final int WARMUP = 100;
    static final int CLASS_SIZE = 40;
    private static final AttendanceStatus[] STATUSES = AttendanceStatus.values();

    private AttendanceSaveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%n# Attendance save benchmark%n%n- JVM: %s %s, %d processors, max heap %d MB%n",
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Path dir = Files.createTempDirectory("baeum-attendance-benchmark-");
        long startup = System.nanoTime();
        ConfigurableApplicationContext context = BenchmarkPortal.start(
                "--baeum.mongo.uri=", "--baeum.mongo.embedded-store=h2", "--baeum.mongo.data-dir=" + dir,
                "--baeum.mongo.embedded-port=0", "--baeum.mail.host=", "--baeum.mail.embedded-port=0",
                "--baeum.demo.enabled=false", "--server.port=0", "--logging.level.org.baeum.catalog=warn",
                "--logging.level.org.baeum.enrollment=warn", "--logging.level.org.baeum.notification=warn",
                "--logging.level.org.baeum.attendance=warn");
        try {
            System.out.printf(Locale.ROOT, "- portal started in %.1f s on the embedded server (H2 file store, %s)%n",
                    (System.nanoTime() - startup) / 1e9, dir);
            context.getBean(Scheduler.class).standby(); // no job runs meanwhile
            DemoCatalogFixture.load(context.getBeanProvider(DemoDataContributor.class).orderedStream().toList());
            BaeumUser teacher = account(context, "bench-teacher", "강사", Role.INSTRUCTOR, null);
            OfferingId offering = offering(context, teacher);
            twoThirds(context, offering);
            List<EnrollmentId> entries = enrol(context, offering);
            run(context, teacher, offering, entries);
        } finally {
            SecurityContextHolder.clearContext();
            context.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(ConfigurableApplicationContext context, BaeumUser teacher, OfferingId offering,
                            List<EnrollmentId> entries) {
        Attendance attendance = context.getBean(Attendance.class);
        signIn(teacher);
        List<LocalDate> days = attendance.sheet(offering).sessions();
        int[][] state = new int[days.size()][CLASS_SIZE]; // index into STATUSES + 1; 0 = none
        int[] visits = new int[days.size()];
        System.out.printf(Locale.ROOT, "- offering %s: %d enrolled, %d sessions; %d warm-up saves then %d timed"
                + " saves per kind; load average %.2f (1 min)%n%n", offering.value(), entries.size(), days.size(),
                WARMUP, SAVES, load());
        System.out.println("| save | marks per call | n | p50 ms | p95 ms | p99 ms | max ms | mean ms |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|");
        double[] whole = new double[SAVES];
        for (int i = 0; i < WARMUP + SAVES; i++) {
            int s = i % days.size();
            int visit = visits[s]++;
            List<Mark> marks = new ArrayList<>();
            for (int p = 0; p < CLASS_SIZE; p++) {
                int status = (visit + p) % STATUSES.length;
                marks.add(new Mark(entries.get(p), STATUSES[status]));
                state[s][p] = status + 1;
            }
            long start = System.nanoTime();
            attendance.mark(offering, days.get(s), marks, null);
            if (i >= WARMUP) {
                whole[i - WARMUP] = (System.nanoTime() - start) / 1e6;
            }
        }
        print("whole session", CLASS_SIZE, whole);
        double[] tap = new double[SAVES];
        for (int i = 0; i < WARMUP + SAVES; i++) {
            int s = (i * 7) % days.size();
            int p = i % CLASS_SIZE;
            int status = state[s][p] % STATUSES.length; // the status after the stored one (state is index + 1)
            state[s][p] = status + 1;
            long start = System.nanoTime();
            attendance.mark(offering, days.get(s), List.of(new Mark(entries.get(p), STATUSES[status])), null);
            if (i >= WARMUP) {
                tap[i - WARMUP] = (System.nanoTime() - start) / 1e6;
            }
        }
        print("one tap", 1, tap);
        check(attendance.sheet(offering), days, entries, state);
        List<Mark> stored = new ArrayList<>();
        for (int p = 0; p < CLASS_SIZE; p++) {
            stored.add(new Mark(entries.get(p), STATUSES[state[0][p] - 1]));
        }
        parts(context, offering, days, entries, stored);
        System.out.printf(Locale.ROOT, "%n- load average after: %.2f (1 min); the stored sheet equals what was saved%n",
                load());
    }

    /**
     * What a whole-session save is made of, each part timed alone {@code benchmark.saves} times: the offering and the
     * days off, the roster as {@code mark} reads them, the stored session, and the one update with 40 changed marks;
     * first the whole call with marks equal to the stored ones (everything but the write).
     */
    private static void parts(ConfigurableApplicationContext context, OfferingId offering, List<LocalDate> days,
                              List<EnrollmentId> entries, List<Mark> storedOnFirstDay) {
        CatalogService catalog = context.getBean(CatalogService.class);
        InstructorRosters rosters = context.getBean(InstructorRosters.class);
        AttendanceRepository repository = context.getBean(AttendanceRepository.class);
        System.out.printf(Locale.ROOT, "%n| part of a whole-session save | n | p50 ms | p95 ms | p99 ms | max ms | mean ms |%n");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|");
        Attendance attendance = context.getBean(Attendance.class);
        part("whole Attendance.mark, the 40 marks already stored (nothing to write)",
                i -> attendance.mark(offering, days.getFirst(), storedOnFirstDay, null));
        part("offering (CatalogService.offering)", i -> catalog.offering(offering));
        var daysOff = context.getBean(org.baeum.calendar.DaysOff.class);
        part("days off over the term (DaysOff.between: closures that cancel sessions)",
                i -> daysOff.between(days.getFirst(), days.getLast()));
        part("roster (InstructorRosters.roster, 40 entries)", i -> rosters.roster(offering));
        part("stored session (AttendanceRepository.find)", i -> repository.find(offering.value(), days.get(i % days.size())));
        part("update, 40 changed marks (AttendanceRepository.save)", i -> {
            List<AttendanceRepository.Change> changes = new ArrayList<>();
            for (int p = 0; p < CLASS_SIZE; p++) {
                changes.add(new AttendanceRepository.Change(entries.get(p), STATUSES[(i + p) % STATUSES.length], null));
            }
            repository.save(offering.value(), days.get(i % days.size()), changes, "bench-teacher", Instant.now());
        });
        part("whole Attendance.mark, 40 changed marks, again after the parts", i -> attendance.mark(offering,
                days.get(i % days.size()), storedOnFirstDay.stream().map(m -> new Mark(m.enrollmentId(),
                        STATUSES[(m.status().ordinal() + 1 + i) % STATUSES.length])).toList(), null));
    }

    private static void part(String what, java.util.function.IntConsumer call) {
        for (int i = 0; i < WARMUP; i++) {
            call.accept(i);
        }
        double[] ms = new double[SAVES];
        for (int i = 0; i < SAVES; i++) {
            long start = System.nanoTime();
            call.accept(WARMUP + i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "| %s | %s%n", what, stats(ms));
    }

    private static void check(AttendanceSheet sheet, List<LocalDate> days, List<EnrollmentId> entries, int[][] state) {
        for (AttendanceSheet.Row row : sheet.rows()) {
            int p = entries.indexOf(row.enrollmentId());
            for (int s = 0; s < days.size(); s++) {
                AttendanceStatus expected = state[s][p] == 0 ? null : STATUSES[state[s][p] - 1];
                if (row.marks().get(days.get(s)) != expected) {
                    throw new IllegalStateException("Participant " + p + " on " + days.get(s) + ": stored "
                            + row.marks().get(days.get(s)) + ", saved " + expected);
                }
            }
        }
    }

    private static void print(String kind, int marks, double[] ms) {
        System.out.printf(Locale.ROOT, "| %s | %d | %s%n", kind, marks, stats(ms));
    }

    /** n, p50, p95, p99, max and mean of the times, as the end of a table row. */
    private static String stats(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%d | %.1f | %.1f | %.1f | %.1f | %.1f |", sorted.length, rank(sorted, 50),
                rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
    }

    /** Nearest-rank percentile. */
    private static double rank(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void signIn(BaeumUser user) {
        var signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(signedIn);
    }

    private static BaeumUser account(ConfigurableApplicationContext context, String id, String name, Role role,
                                     LocalDate birth) {
        String email = id + "@bench.baeum";
        Instant now = Instant.now();
        AccountRepository accounts = context.getBean(AccountRepository.class);
        accounts.insert(role == Role.CITIZEN
                ? new AccountDocument(id, email, email, name, List.of(role), true, "ko", "x", now,
                String.format(Locale.ROOT, "010%08d", Math.floorMod(id.hashCode(), 100_000_000)), birth, "MAPO", now,
                0L, true, null)
                : new AccountDocument(id, email, email, name, List.of(role), true, "ko", "x", now));
        return new BaeumUser(id, email, name, EnumSet.of(role), true, Locale.KOREAN, null, 0L);
    }

    /** 24 sessions (Monday and Thursday for 12 weeks from two weeks on), 40 seats, enrolment open now. */
    private static OfferingId offering(ConfigurableApplicationContext context, BaeumUser teacher) {
        CatalogService catalog = context.getBean(CatalogService.class);
        Clock clock = context.getBean(Clock.class);
        return SystemIdentity.call(() -> {
            LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
            TermId term = catalog.saveTerm(new TermDraft(null, "출석 벤치마크 기수", "Attendance benchmark term",
                    TermType.SIX_MONTH, today, today.plusDays(170)));
            ProgramId program = catalog.saveProgram(new ProgramDraft(null, "출석 벤치마크 강좌", "Attendance benchmark class",
                    null, null, PolicyDomain.LIFE_TRANSITION, Audience.SPORTS, ProgramKind.CLASS, null, null,
                    new BranchId("main"), List.of(new Instructor(teacher.accountId(), teacher.displayName())), 0L, true,
                    DeliveryFormat.ON_SITE, Set.of(), null, null,
                    org.baeum.catalog.Classification.of(org.baeum.catalog.LearningArea.LIBERAL_ARTS)));
            LocalDate first = today.plusDays(14);
            LocalDateTime opens = LocalDateTime.now(clock.withZone(Formats.SEOUL)).minusHours(1).withNano(0);
            for (int hour = 6; hour < 22; hour++) { // the first hour no demo class uses in that room
                try {
                    OfferingId id = catalog.saveOffering(new OfferingDraft(null, program, term, "main-study-2",
                            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(hour, 0),
                            LocalTime.of(hour, 50), first, first.plusWeeks(12).minusDays(1), CLASS_SIZE, opens,
                            first.minusDays(1).atTime(hour, 0), RecruitmentMethod.FIRST_COME));
                    catalog.publish(id);
                    return id;
                } catch (CatalogValidationException clash) {
                    // another hour
                }
            }
            throw new IllegalStateException("No free hour in main-study-2");
        });
    }

    /**
     * The literacy rule (2/3 of the held sessions), the dearest case: after each save that changes a mark, the
     * completion warnings recompute the progress of the participants marked (decision 0035). The sessions lie ahead,
     * so no warning is mailed; the recomputation is paid all the same.
     */
    private static void twoThirds(ConfigurableApplicationContext context, OfferingId offering) {
        SystemIdentity.run(() -> context.getBean(CompletionRules.class).setRule(context.getBean(CatalogService.class)
                .offering(offering).orElseThrow().program().id(), new CompletionRule(2, 3, false)));
    }

    private static List<EnrollmentId> enrol(ConfigurableApplicationContext context, OfferingId offering) {
        CitizenEnrollments enrollments = context.getBean(CitizenEnrollments.class);
        List<EnrollmentId> entries = new ArrayList<>();
        for (int i = 0; i < CLASS_SIZE; i++) {
            BaeumUser citizen = account(context, String.format(Locale.ROOT, "bench-citizen-%02d", i), "수강생" + i,
                    Role.CITIZEN, LocalDate.of(1950, 1, 1).plusDays(i * 211L));
            signIn(citizen);
            var e = enrollments.enroll(offering, null, UUID.randomUUID().toString());
            if (e.status() != EnrollmentStatus.ENROLLED) {
                throw new IllegalStateException("Citizen " + i + " not enrolled: " + e.status());
            }
            entries.add(e.id());
        }
        SecurityContextHolder.clearContext();
        return entries;
    }
}
