package org.baeum.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.internal.AttendanceRepository;
import org.baeum.attendance.internal.AttendanceTotalsRepository;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * The 연인원 counters (decision 0038): they equal what the sheets show after any series of marks, stay exact when two
 * saves of one session race, and a recount repairs what a crash between the session save and the counter left.
 */
@BaeumIntegrationTest
class AttendanceTotalsTest {

    private static final AttendanceStatus[] STATUSES = AttendanceStatus.values();

    @Autowired
    Attendance attendance;
    @Autowired
    AttendanceTotals totals;
    @Autowired
    AttendanceRepository sessions;
    @Autowired
    AttendanceTotalsRepository counters;
    @Autowired
    CatalogService catalog;
    @Autowired
    TestAccounts accounts;

    static AttendanceClasses classes;
    static BaeumUser teacher;
    static BaeumUser staff;
    static BaeumUser admin;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void people(@Autowired AttendanceClasses fixture, @Autowired TestAccounts accounts) {
        classes = fixture;
        AttendanceClasses.Cast cast = fixture.cast("tot", "연인원", 4, LocalDate.of(1970, 3, 1));
        teacher = cast.teacher();
        staff = cast.staff();
        citizens = cast.citizens();
        admin = accounts.create("tot-admin-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void after_a_random_series_of_marks_and_changes_the_totals_equal_the_sheets() {
        List<Taught> taught = List.of(classes.taught(teacher, citizens), classes.taught(teacher, citizens.subList(0, 3)));
        Random random = new Random(17);
        TestAccounts.signIn(staff);
        for (int round = 0; round < 60; round++) {
            Taught c = taught.get(random.nextInt(taught.size()));
            List<LocalDate> days = attendance.sheet(c.id()).sessions();
            LocalDate day = days.get(random.nextInt(Math.min(4, days.size())));
            List<Mark> marks = new ArrayList<>();
            for (EnrollmentId entry : c.entries()) {
                if (random.nextInt(3) > 0) {
                    marks.add(new Mark(entry, STATUSES[random.nextInt(STATUSES.length)]));
                }
            }
            attendance.mark(c.id(), day, marks, null);
        }
        // the changes named in the issue, on one entry and one session: PRESENT → ABSENT → LATE, then EXCUSED
        Taught first = taught.getFirst();
        LocalDate day = attendance.sheet(first.id()).sessions().get(5);
        for (AttendanceStatus s : List.of(AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.LATE,
                AttendanceStatus.EXCUSED, AttendanceStatus.PRESENT)) {
            attendance.mark(first.id(), day, List.of(new Mark(first.entries().getFirst(), s)), null);
        }

        for (Taught c : taught) {
            Map<EnrollmentId, Integer> expected = fromSheet(c.id());
            assertThat(expected.values()).as("the series made attendance to count").anyMatch(n -> n > 0);
            assertThat(inYearOf(c)).isEqualTo(expected);
        }
    }

    @Test
    void two_saves_of_the_same_session_at_once_leave_exact_totals() throws Exception {
        Taught c = classes.taught(teacher, citizens);
        TestAccounts.signIn(staff);
        List<LocalDate> days = attendance.sheet(c.id()).sessions();
        TestAccounts.signOut();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                LocalDate day = days.get(round % 3);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> saves = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int thread = t;
                    int seed = round;
                    saves.add(pool.submit(() -> {
                        TestAccounts.signIn(thread == 0 ? staff : teacher);
                        try {
                            List<Mark> marks = new ArrayList<>();
                            for (int i = 0; i < c.entries().size(); i++) {
                                marks.add(new Mark(c.entries().get(i), STATUSES[(seed + i + thread * 2) % STATUSES.length]));
                            }
                            together.await(10, TimeUnit.SECONDS);
                            return attendance.mark(c.id(), day, marks, null);
                        } finally {
                            TestAccounts.signOut();
                        }
                    }));
                }
                for (Future<?> save : saves) {
                    save.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        TestAccounts.signIn(staff);
        Map<EnrollmentId, Integer> expected = fromSheet(c.id());
        assertThat(expected.values()).anyMatch(n -> n > 0);
        assertThat(inYearOf(c)).isEqualTo(expected);
    }

    @Test
    void a_save_whose_marks_changed_since_they_were_read_writes_nothing() {
        Taught c = classes.taught(teacher, citizens.subList(0, 1));
        EnrollmentId entry = c.entries().getFirst();
        LocalDate day = c.sessions().getFirst();
        TestAccounts.signIn(staff);
        attendance.mark(c.id(), day, List.of(new Mark(entry, AttendanceStatus.ABSENT)), null);

        // read as PRESENT, but it is ABSENT now: the conditional update matches nothing
        boolean saved = sessions.saveIf(c.id().value(), day, List.of(new AttendanceRepository.Change(entry,
                AttendanceStatus.LATE, null, AttendanceStatus.PRESENT)), true, "someone", java.time.Instant.now());
        // read as "no mark", on a session document made meanwhile with a mark: the upsert finds it taken
        boolean made = sessions.saveIf(c.id().value(), day, List.of(new AttendanceRepository.Change(entry,
                AttendanceStatus.LATE, null, null)), false, "someone", java.time.Instant.now());

        assertThat(saved).isFalse();
        assertThat(made).isFalse();
        assertThat(sessions.find(c.id().value(), day).orElseThrow().marks()).containsEntry(entry, AttendanceStatus.ABSENT);
    }

    @Test
    void a_crash_between_the_session_save_and_the_counter_is_repaired_by_the_recount() {
        Taught c = classes.taught(teacher, citizens.subList(0, 2));
        TestAccounts.signIn(admin);
        totals.recount(); // what earlier tests (and the demo data, written straight into sessions) left
        EnrollmentId entry = c.entries().get(1);
        // the session written as a save writes it, but the process "dies" before the $inc; saved an hour ago
        sessions.save(c.id().value(), c.sessions().getFirst(), List.of(new AttendanceRepository.Change(entry,
                AttendanceStatus.LATE, null)), staff.accountId(), java.time.Instant.now().minus(Duration.ofHours(1)));
        assertThat(totals.attendedInYear(year(c))).doesNotContainKey(entry);

        AttendanceTotals.Recount recount = totals.recount();

        assertThat(recount.corrected()).isEqualTo(1);
        assertThat(recount.checked()).isGreaterThanOrEqualTo(2);
        assertThat(totals.attendedInYear(year(c))).containsEntry(entry, 1);
        assertThat(totals.recount().corrected()).as("a second recount finds nothing to correct").isZero();
    }

    @Test
    void the_recount_leaves_an_offering_saved_within_the_settling_time_alone() {
        Taught c = classes.taught(teacher, citizens.subList(0, 1));
        TestAccounts.signIn(admin);
        totals.recount();
        EnrollmentId entry = c.entries().getFirst();
        sessions.save(c.id().value(), c.sessions().getFirst(), List.of(new AttendanceRepository.Change(entry,
                AttendanceStatus.PRESENT, null)), staff.accountId(), java.time.Instant.now());

        assertThat(totals.recount().corrected()).isZero();
        assertThat(totals.attendedInYear(year(c))).doesNotContainKey(entry);
    }

    @Test
    void attended_in_year_returns_that_year_only() {
        Taught c = classes.taught(teacher, citizens.subList(0, 1));
        EnrollmentId entry = c.entries().getFirst();
        TestAccounts.signIn(staff);
        attendance.mark(c.id(), c.sessions().getFirst(), List.of(new Mark(entry, AttendanceStatus.PRESENT)), null);
        int year = year(c);
        String otherYears = "tot-other-year-" + UUID.randomUUID();
        counters.add("tot-other-offering", year + 1, Map.of(otherYears, 3));

        assertThat(totals.attendedInYear(year)).containsEntry(entry, 1).doesNotContainKey(new EnrollmentId(otherYears));
        assertThat(totals.attendedInYear(year + 1)).containsEntry(new EnrollmentId(otherYears), 3)
                .doesNotContainKey(entry);
    }

    @Test
    void citizens_and_instructors_are_refused_the_totals_and_staff_the_recount() {
        BaeumUser citizen = citizens.getFirst();
        for (BaeumUser refused : List.of(citizen, teacher)) {
            TestAccounts.signIn(refused);
            assertThatThrownBy(() -> totals.attendedInYear(2026)).isExactlyInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> totals.recount()).isExactlyInstanceOf(AuthorizationDeniedException.class);
        }
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> totals.recount()).isExactlyInstanceOf(AuthorizationDeniedException.class);
        assertThat(totals.attendedInYear(1900)).isEmpty();
    }

    /** Per entry, the sessions the sheet shows as PRESENT or LATE; entries without any are left out. */
    private Map<EnrollmentId, Integer> fromSheet(OfferingId offering) {
        Map<EnrollmentId, Integer> counted = new HashMap<>();
        for (AttendanceSheet.Row row : attendance.sheet(offering).rows()) {
            int n = (int) row.marks().values().stream()
                    .filter(s -> s == AttendanceStatus.PRESENT || s == AttendanceStatus.LATE).count();
            if (n > 0) {
                counted.put(row.enrollmentId(), n);
            }
        }
        return counted;
    }

    /** The counters of the class's entries, as {@link AttendanceTotals#attendedInYear} gives them. */
    private Map<EnrollmentId, Integer> inYearOf(Taught c) {
        Map<EnrollmentId, Integer> all = totals.attendedInYear(year(c));
        Map<EnrollmentId, Integer> mine = new HashMap<>();
        c.entries().stream().filter(all::containsKey).forEach(e -> mine.put(e, all.get(e)));
        return mine;
    }

    private int year(Taught c) {
        return catalog.offering(c.id()).orElseThrow().ageDay().getYear();
    }
}
