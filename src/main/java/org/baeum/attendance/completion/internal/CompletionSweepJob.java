package org.baeum.attendance.completion.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.baeum.attendance.completion.CompletionDue;
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
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code baeum.completion.sweep-every} (15 min by default), as the system identity: marks offerings whose last
 * session has ended and that nobody confirmed as due, and mails warnings a missed check left out
 * ({@link CompletionDue#sweep()}). Every step is idempotent (decision 0035), so two instances may both run it.
 */
@DisallowConcurrentExecution
public class CompletionSweepJob implements Job {

    static final String NAME = "completion-sweep";
    public static final JobKey KEY = JobKey.jobKey(NAME, "attendance");
    /** How often the job runs by default ({@code baeum.completion.sweep-every}). */
    public static final Duration EVERY = Duration.ofMinutes(15);

    private final CompletionDue due;
    private final JobRuns runs;

    CompletionSweepJob(CompletionDue due, JobRuns runs) {
        this.due = due;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, due::sweep);
    }

    /**
     * Completion settings ({@code baeum.completion.*}).
     *
     * @param sweepEvery {@code BAEUM_COMPLETION_SWEEP_EVERY}: how often the sweep runs ({@link #EVERY})
     */
    @ConfigurationProperties("baeum.completion")
    public record CompletionSettings(Duration sweepEvery) {
        public CompletionSettings {
            sweepEvery = sweepEvery == null || sweepEvery.isNegative() || sweepEvery.isZero() ? EVERY : sweepEvery;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        JobDetail completionSweepJob() {
            return JobBuilder.newJob(CompletionSweepJob.class).withIdentity(KEY).storeDurably()
                    .withDescription("Completion due after a class's last session, and missed completion warnings")
                    .build();
        }

        @Bean
        Trigger completionSweepTrigger(CompletionSettings settings) {
            Duration every = settings.sweepEvery();
            return TriggerBuilder.newTrigger().forJob(KEY).withIdentity("completion-sweep-every", "attendance")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .startAt(Date.from(Instant.now().plus(every))).build();
        }
    }
}
