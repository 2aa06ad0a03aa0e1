package org.baeum.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.AttendanceTotals;
import org.baeum.base.scheduling.JobRuns;
import org.baeum.base.scheduling.Jobs;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.EnrollmentId;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The job {@code attendance-totals-recount} (decision 0038): scheduled nightly at 03:30 Asia/Seoul, and fired at
 * start-up when marks exist but no counter does, which then counts marks written straight into the sessions.
 */
@BaeumIntegrationTest
class AttendanceTotalsRecountJobTest {

    @Autowired
    AttendanceTotalsRecountJob.FirstRecount firstRecount;
    @Autowired
    AttendanceRepository sessions;
    @Autowired
    AttendanceTotals totals;
    @Autowired
    AttendanceClasses classes;
    @Autowired
    CatalogService catalog;
    @Autowired
    MongoDatabase database;
    @Autowired
    JobRuns runs;
    @Autowired
    Jobs jobs;
    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void without_any_counter_the_start_up_recounts_the_marks_through_the_job() {
        AttendanceClasses.Cast cast = classes.cast("first", "첫집계", 2, LocalDate.of(1975, 1, 1));
        Taught c = classes.taught(cast.teacher(), cast.citizens());
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        // marks as the demo data writes them: straight into the sessions, no counter
        sessions.save(c.id().value(), c.sessions().get(0), List.of(
                new AttendanceRepository.Change(c.entries().get(0), AttendanceStatus.PRESENT, null),
                new AttendanceRepository.Change(c.entries().get(1), AttendanceStatus.EXCUSED, null)), "demo", hourAgo);
        sessions.save(c.id().value(), c.sessions().get(1), List.of(
                new AttendanceRepository.Change(c.entries().get(0), AttendanceStatus.LATE, null),
                new AttendanceRepository.Change(c.entries().get(1), AttendanceStatus.PRESENT, null)), "demo", hourAgo);
        database.getCollection(AttendanceTotalsRepository.COLLECTION).deleteMany(new Document());
        BaeumUser admin = accounts.create("first-admin-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN);
        TestAccounts.signIn(admin);
        long before = runsOfJob();

        firstRecount.recountIfNeverCounted();

        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> runsOfJob() > before);
        int year = catalog.offering(c.id()).orElseThrow().ageDay().getYear();
        Map<EnrollmentId, Integer> counted = totals.attendedInYear(year);
        assertThat(counted).containsEntry(c.entries().get(0), 2).containsEntry(c.entries().get(1), 1);
    }

    @Test
    void the_job_is_scheduled_every_night_at_half_past_three_in_seoul() {
        TestAccounts.signIn(accounts.create("first-admin-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
        Jobs.Job job = jobs.jobs().stream().filter(j -> j.name().equals(AttendanceTotalsRecountJob.NAME)).findFirst()
                .orElseThrow();
        assertThat(job.group()).isEqualTo("attendance");
        assertThat(job.nextFireTime().atZone(ZoneId.of("Asia/Seoul")).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    private long runsOfJob() {
        return runs.all().stream().filter(r -> r.job().equals(AttendanceTotalsRecountJob.NAME))
                .mapToLong(JobRuns.JobRun::runs).findFirst().orElse(0);
    }
}
