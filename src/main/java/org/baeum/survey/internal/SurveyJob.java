package org.baeum.survey.internal;

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

/** Every minute, as the system: sends the survey invitations that fell due ({@link SurveyDispatcher}). */
@DisallowConcurrentExecution
public class SurveyJob implements Job {

    static final String NAME = "survey-dispatch";
    public static final JobKey KEY = JobKey.jobKey(NAME, "survey");
    static final Duration EVERY = Duration.ofMinutes(1);

    private final SurveyDispatcher dispatcher;
    private final JobRuns runs;

    SurveyJob(SurveyDispatcher dispatcher, JobRuns runs) {
        this.dispatcher = dispatcher;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, dispatcher::runDue);
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        JobDetail surveyDispatchJob() {
            return JobBuilder.newJob(SurveyJob.class).withIdentity(KEY).storeDurably()
                    .withDescription("Sends satisfaction survey invitations when a class's survey goes out").build();
        }

        @Bean
        Trigger surveyDispatchTrigger() {
            return TriggerBuilder.newTrigger().forJob(KEY).withIdentity("survey-dispatch-sweep", "survey")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(EVERY.toMillis())
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .startAt(Date.from(Instant.now().plus(EVERY))).build();
        }
    }
}
