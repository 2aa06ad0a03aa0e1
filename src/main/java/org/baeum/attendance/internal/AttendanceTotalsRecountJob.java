package org.baeum.attendance.internal;

import java.util.TimeZone;
import org.baeum.attendance.AttendanceTotals;
import org.baeum.base.scheduling.JobRuns;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Every night at {@value #HOUR}:{@value #MINUTE} Asia/Seoul, as the system identity: the recount of the 연인원
 * counters ({@link AttendanceTotals#recount()}, decision 0038), which repairs what a crash between a session save and
 * its counter update left off. Also fired once at start-up when there are marks but no counters yet (the first start
 * after the counters came, or demo data written straight into the sessions). The recount only writes counters that
 * differ, conditionally, so two instances may both run it. The run's "done" is the number of counters corrected.
 */
@DisallowConcurrentExecution
public class AttendanceTotalsRecountJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(AttendanceTotalsRecountJob.class);
    static final String NAME = "attendance-totals-recount";
    public static final JobKey KEY = JobKey.jobKey(NAME, "attendance");
    static final int HOUR = 3;
    static final int MINUTE = 30;

    private final AttendanceTotals totals;
    private final JobRuns runs;

    AttendanceTotalsRecountJob(AttendanceTotals totals, JobRuns runs) {
        this.totals = totals;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, () -> {
            AttendanceTotals.Recount recount = totals.recount();
            return new JobRuns.Outcome((int) Math.min(Integer.MAX_VALUE, recount.corrected()), 0);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        JobDetail attendanceTotalsRecountJob() {
            return JobBuilder.newJob(AttendanceTotalsRecountJob.class).withIdentity(KEY).storeDurably()
                    .withDescription("Recount of the attendance totals (연인원) from the stored marks").build();
        }

        @Bean
        Trigger attendanceTotalsRecountTrigger() {
            return TriggerBuilder.newTrigger().forJob(KEY).withIdentity("attendance-totals-recount-nightly", "attendance")
                    .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(HOUR, MINUTE)
                            .inTimeZone(TimeZone.getTimeZone("Asia/Seoul"))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
        }
    }

    /** Fires the recount once at start-up when sessions have marks and no counter exists yet. */
    @org.springframework.stereotype.Component
    static class FirstRecount {

        private final AttendanceTotalsRepository totals;
        private final AttendanceRepository sessions;
        private final Scheduler scheduler;

        FirstRecount(AttendanceTotalsRepository totals, AttendanceRepository sessions, Scheduler scheduler) {
            this.totals = totals;
            this.sessions = sessions;
            this.scheduler = scheduler;
        }

        @EventListener(ApplicationReadyEvent.class)
        void recountIfNeverCounted() {
            if (!totals.isEmpty() || !sessions.any()) {
                return;
            }
            log.info("Attendance totals: marks exist but no totals yet; recounting now");
            try {
                scheduler.triggerJob(KEY);
            } catch (SchedulerException e) {
                log.warn("Could not start the attendance totals recount (the nightly run will count them): {}",
                        e.getMessage());
            }
        }
    }
}
