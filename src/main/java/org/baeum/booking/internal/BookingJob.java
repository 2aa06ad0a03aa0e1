package org.baeum.booking.internal;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The booking clock: every {@code BAEUM_BOOKING_SWEEP} (30 s) it releases no-shows and repairs what a crash left
 * ({@link BookingSweep}), as the system identity. The state is in Mongo, so a restart loses nothing and two
 * instances never release a booking twice (guarded status changes).
 */
@DisallowConcurrentExecution
class BookingJob implements Job {

    static final String NAME = "booking-no-shows";
    static final JobKey KEY = JobKey.jobKey(NAME, "booking");

    private final BookingSweep sweep;
    private final JobRuns runs;

    BookingJob(BookingSweep sweep, JobRuns runs) {
        this.sweep = sweep;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, () -> new JobRuns.Outcome(sweep.run(), 0));
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        JobDetail bookingJob() {
            return JobBuilder.newJob(BookingJob.class).withIdentity(KEY).storeDurably()
                    .withDescription("Booking no-shows released after the grace minutes, and the booking recovery sweep")
                    .build();
        }

        @Bean
        Trigger bookingSweepTrigger(@Value("${baeum.booking.sweep:30s}") Duration sweep) {
            return TriggerBuilder.newTrigger().forJob(KEY).withIdentity("booking-sweep", "booking")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(sweep.toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .startAt(Date.from(Instant.now().plus(sweep))).build();
        }
    }
}
