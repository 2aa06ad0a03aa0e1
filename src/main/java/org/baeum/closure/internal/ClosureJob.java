package org.baeum.closure.internal;

import java.time.Duration;
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
 * Every 30 seconds, as the system identity: applies the declared closure plans that are due ({@link ClosureApplier}).
 * Each plan is a due item claimed with a lease, so two instances never apply one at once; a rerun finishes a plan a
 * crash left half done.
 */
@DisallowConcurrentExecution
public class ClosureJob implements Job {

    static final String NAME = "closure-apply";
    public static final JobKey KEY = JobKey.jobKey(NAME, "closure");
    static final Duration EVERY = Duration.ofSeconds(30);

    private final ClosureApplier applier;
    private final JobRuns runs;

    ClosureJob(ClosureApplier applier, JobRuns runs) {
        this.applier = applier;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, applier::runDue);
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        JobDetail closureApplyJob() {
            return JobBuilder.newJob(ClosureJob.class).withIdentity(KEY).storeDurably()
                    .withDescription("Applies declared closures: sessions, refunds, offers, bookings, one mail each")
                    .build();
        }

        @Bean
        Trigger closureApplyTrigger() {
            return TriggerBuilder.newTrigger().forJob(KEY).withIdentity("closure-apply-sweep", "closure")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(EVERY.toMillis())
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .startAt(Date.from(Instant.now().plus(EVERY))).build();
        }
    }
}
