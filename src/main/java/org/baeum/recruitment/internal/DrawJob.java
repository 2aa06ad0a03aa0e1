package org.baeum.recruitment.internal;

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
 * Every {@code baeum.recruitment.draw-every} (30 s by default), as the system identity: draws the rounds whose lottery
 * phase has closed ({@link RoundDraws#runDue}).
 * The draw is stored under the round's id, so two instances or a restart never draw a round twice.
 */
@DisallowConcurrentExecution
public class DrawJob implements Job {

    static final String NAME = "recruitment-draws";
    public static final JobKey KEY = JobKey.jobKey(NAME, "recruitment");
    /** How often the job runs by default ({@code baeum.recruitment.draw-every}). */
    public static final Duration EVERY = Duration.ofSeconds(30);

    private final RoundDraws draws;
    private final JobRuns runs;

    DrawJob(RoundDraws draws, JobRuns runs) {
        this.draws = draws;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, draws::runDue);
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        JobDetail recruitmentDrawJob() {
            return JobBuilder.newJob(DrawJob.class).withIdentity(KEY).storeDurably()
                    .withDescription("The lottery draw of rounds whose lottery phase has closed").build();
        }

        @Bean
        Trigger recruitmentDrawTrigger(RecruitmentSettings settings) {
            Duration every = settings.drawEvery();
            return TriggerBuilder.newTrigger().forJob(KEY).withIdentity("recruitment-draws-sweep", "recruitment")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .startAt(Date.from(Instant.now().plus(every))).build();
        }
    }
}
