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
 * The booking reminders' clock (decision 0050): every {@code BAEUM_BOOKING_REMINDERS_EVERY} (1 minute) it plans the
 * reminders of today's and tomorrow's bookings and sends the due ones ({@link BookingReminders}). Everything is in
 * Mongo, so a restart loses nothing and two instances never send one twice.
 */
@DisallowConcurrentExecution
class BookingReminderJob implements Job {

    static final String NAME = "booking-reminders";
    static final JobKey KEY = JobKey.jobKey(NAME, "booking");

    private final BookingReminders reminders;
    private final JobRuns runs;

    BookingReminderJob(BookingReminders reminders, JobRuns runs) {
        this.reminders = reminders;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, () -> new JobRuns.Outcome(reminders.run(), 0));
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        JobDetail bookingReminderJob() {
            return JobBuilder.newJob(BookingReminderJob.class).withIdentity(KEY).storeDurably()
                    .withDescription("Booking reminders: the day before (one per household and day) and before the start")
                    .build();
        }

        @Bean
        Trigger bookingReminderTrigger(@Value("${baeum.booking.reminders.every:1m}") Duration every) {
            return TriggerBuilder.newTrigger().forJob(KEY).withIdentity("booking-reminders", "booking")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(every.toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .startAt(Date.from(Instant.now().plus(every))).build();
        }
    }
}
