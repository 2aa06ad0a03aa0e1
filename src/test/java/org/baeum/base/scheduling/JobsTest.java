package org.baeum.base.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** The scheduler's jobs for ADMIN: listed with their next run and runs; "run now" fires one; nobody else may. */
@BaeumIntegrationTest
class JobsTest {

    static final String DELIVERY = "notification-delivery";

    @Autowired
    Jobs jobs;
    @Autowired
    JobRuns runs;

    @BeforeAll
    static void users(@Autowired TestAccounts accounts) {
        accounts.create("jobs-admin", Role.ADMIN);
        accounts.create("jobs-staff", Role.STAFF);
        accounts.create("jobs-citizen", Role.CITIZEN);
    }

    @Test
    @WithUserDetails("jobs-admin")
    void admin_sees_the_delivery_job_with_its_next_run_within_the_sweep() {
        assertThat(jobs.jobs()).anySatisfy(job -> {
            assertThat(job.name()).isEqualTo(DELIVERY);
            assertThat(job.group()).isEqualTo("notification");
            assertThat(job.description()).isNotBlank();
            assertThat(job.nextFireTime()).isNotNull().isBefore(Instant.now().plus(Duration.ofMinutes(2)));
        });
    }

    @Test
    @WithUserDetails("jobs-admin")
    void run_now_fires_the_job_and_its_run_is_recorded() {
        long before = runsOf(DELIVERY);
        Instant asked = Instant.now();
        assertThat(jobs.runNow(DELIVERY)).isTrue();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> runsOf(DELIVERY) > before);
        assertThat(jobs.jobs()).filteredOn(j -> j.name().equals(DELIVERY)).singleElement()
                .satisfies(j -> assertThat(j.lastRun().lastStartedAt()).isAfterOrEqualTo(asked.minusSeconds(1)));
    }

    @Test
    @WithUserDetails("jobs-admin")
    void an_unknown_job_is_not_run() {
        assertThat(jobs.runNow("no-such-job")).isFalse();
    }

    @Test
    @WithUserDetails("jobs-staff")
    void staff_may_not_list_or_run_jobs() {
        assertThatThrownBy(() -> jobs.jobs()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jobs.runNow(DELIVERY)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("jobs-citizen")
    void a_citizen_may_not_list_or_run_jobs() {
        assertThatThrownBy(() -> jobs.jobs()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jobs.runNow(DELIVERY)).isInstanceOf(AccessDeniedException.class);
    }

    private long runsOf(String job) {
        return runs.all().stream().filter(r -> r.job().equals(job)).mapToLong(JobRuns.JobRun::runs).findFirst().orElse(0);
    }
}
