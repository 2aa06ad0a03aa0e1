package org.baeum.enrollment.internal;

import java.time.Instant;
import java.util.Date;
import org.baeum.base.scheduling.JobRuns;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The enrolment clock: every {@code BAEUM_ENROLLMENT_SWEEP} (30 s) it runs due tasks (offers running out, their
 * reminders, payment reminders and deadlines), the recovery sweep and the placement of drawn rounds not placed yet
 * (decision 0029), as the system identity. The work itself is in
 * Mongo (tasks with atomic claims), so a restart loses nothing and two instances never do a task twice.
 */
@DisallowConcurrentExecution
class EnrollmentJob implements Job {

    static final String NAME = "enrollment-due-work";
    static final JobKey KEY = JobKey.jobKey(NAME, "enrollment");

    private final EnrollmentTasks tasks;
    private final Recovery recovery;
    private final DrawPlacements placements;
    private final JobRuns runs;
    private final String owner = "enrollment-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    EnrollmentJob(EnrollmentTasks tasks, Recovery recovery, DrawPlacements placements, JobRuns runs) {
        this.tasks = tasks;
        this.recovery = recovery;
        this.placements = placements;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, () -> {
            int done = tasks.runDue(owner);
            int repaired = recovery.recover();
            int placed = placements.placeDue();
            return new JobRuns.Outcome(done + repaired + placed, 0);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        JobDetail enrollmentJob() {
            return JobBuilder.newJob(EnrollmentJob.class).withIdentity(KEY).storeDurably()
                    .withDescription("Offers that run out, payment deadlines, and the enrolment recovery sweep").build();
        }

        @Bean
        Trigger enrollmentSweepTrigger(EnrollmentSettings settings) {
            return TriggerBuilder.newTrigger().forJob(KEY).withIdentity("enrollment-sweep", "enrollment")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(settings.sweep().toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .startAt(Date.from(Instant.now().plus(settings.sweep()))).build();
        }
    }
}
