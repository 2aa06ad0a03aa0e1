package org.baeum.base.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.base.security.CurrentUser;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The portal's Quartz jobs for ADMIN's "Jobs" view: every job this instance's scheduler knows, when it runs next,
 * and what its runs did ({@link JobRuns}, shared by all instances); and "run now". Jobs are named uniquely across
 * groups (their runs are recorded by name).
 */
@Component
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /**
     * One job.
     *
     * @param nextFireTime the earliest next firing of its triggers on this instance; {@code null} when none is scheduled
     * @param lastRun      what its runs did so far; {@code null} when it never ran
     */
    public record Job(String name, String group, String description, Instant nextFireTime, JobRuns.JobRun lastRun) {
    }

    private final Scheduler scheduler;
    private final JobRuns runs;
    private final CurrentUser currentUser;

    Jobs(Scheduler scheduler, JobRuns runs, CurrentUser currentUser) {
        this.scheduler = scheduler;
        this.runs = runs;
        this.currentUser = currentUser;
    }

    /** Every job, by name, with its next firing and its runs. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Job> jobs() {
        Map<String, JobRuns.JobRun> byName = runs.all().stream()
                .collect(Collectors.toMap(JobRuns.JobRun::job, Function.identity(), (a, b) -> a));
        List<Job> jobs = new ArrayList<>();
        try {
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.anyJobGroup())) {
                JobDetail detail = scheduler.getJobDetail(key);
                if (detail == null) {
                    continue; // deleted since the keys were read
                }
                Instant next = scheduler.getTriggersOfJob(key).stream().map(Trigger::getNextFireTime)
                        .filter(Objects::nonNull).min(Comparator.naturalOrder()).map(Date::toInstant).orElse(null);
                jobs.add(new Job(key.getName(), key.getGroup(), detail.getDescription(), next, byName.get(key.getName())));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read the scheduler's jobs", e);
        }
        jobs.sort(Comparator.comparing(Job::name).thenComparing(Job::group));
        return jobs;
    }

    /**
     * Fires the job once now on this instance (besides its triggers); its run is recorded like any other.
     *
     * @return false when no job has that name
     */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean runNow(String job) {
        try {
            List<JobKey> keys = scheduler.getJobKeys(GroupMatcher.anyJobGroup()).stream()
                    .filter(k -> k.getName().equals(job)).toList();
            if (keys.size() != 1) {
                return false;
            }
            scheduler.triggerJob(keys.getFirst());
            log.info("Job {} started by hand by {}", keys.getFirst(),
                    currentUser.get().map(u -> u.getUsername()).orElse("?"));
            return true;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start job " + job, e);
        }
    }
}
