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
 * The class reminders' clock (decision 0049): every {@code BAEUM_ENROLLMENT_SWEEP} (30 s) it schedules the coming
 * days' items and runs a due one ({@link ClassReminderRun}), as the system. A job of its own, so a day's walk never
 * holds up offers and payment deadlines.
 */
@DisallowConcurrentExecution
class ClassReminderJob implements Job {

    static final String NAME = "class-reminders";
    static final JobKey KEY = JobKey.jobKey(NAME, "enrollment");

    private final ClassReminderRun run;
    private final JobRuns runs;
    private final String owner = "reminders-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    ClassReminderJob(ClassReminderRun run, JobRuns runs) {
        this.run = run;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, () -> new JobRuns.Outcome(run.runDue(owner), 0));
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        JobDetail classReminderJob() {
            return JobBuilder.newJob(ClassReminderJob.class).withIdentity(KEY).storeDurably()
                    .withDescription("Class reminders: the evening before a session, one mail per household").build();
        }

        /**
         * The job's sweep; {@code baeum.enrollment.class-reminders-job=false} leaves it out (the tests' profile: test
         * classes move the shared clock by days, and only the reminder tests run this work, themselves).
         */
        @Bean
        @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
                name = "baeum.enrollment.class-reminders-job", havingValue = "true", matchIfMissing = true)
        Trigger classReminderTrigger(EnrollmentSettings settings) {
            return TriggerBuilder.newTrigger().forJob(KEY).withIdentity("class-reminders-sweep", "enrollment")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(settings.sweep().toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .startAt(Date.from(Instant.now().plus(settings.sweep()))).build();
        }
    }
}
