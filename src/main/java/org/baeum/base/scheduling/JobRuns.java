package org.baeum.base.scheduling;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.baeum.base.security.SystemIdentity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * What the portal's jobs did, for ADMIN's "Jobs" view: per job the last run (when, how long, items done, failures,
 * error) and totals, in {@code job_runs}, shared by every portal instance. Jobs run through {@link #run} as the
 * system identity.
 */
@Component
public class JobRuns {

    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);
    static final String COLLECTION = "job_runs";

    /** One job's record. */
    public record JobRun(@BsonId String job, Instant lastStartedAt, long lastMillis, int lastDone, int lastFailed,
                         String lastError, String lastInstance, long runs, long totalDone, long totalFailed) {
    }

    /** What a run reports: items done and items that failed. */
    public record Outcome(int done, int failed) {
    }

    private final MongoCollection<JobRun> runs;
    private final Clock clock;

    JobRuns(MongoDatabase database, Clock clock) {
        this.runs = database.getCollection(COLLECTION, JobRun.class);
        this.clock = clock;
    }

    /** Runs the work as the system identity and records the run, also when it throws (then rethrows). */
    public Outcome run(String job, Supplier<Outcome> work) {
        Instant start = clock.instant();
        Outcome outcome = new Outcome(0, 0);
        String error = null;
        try {
            outcome = SystemIdentity.call(work);
            return outcome;
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("Job {} failed", job, e);
            throw e;
        } finally {
            long millis = Duration.between(start, clock.instant()).toMillis();
            runs.updateOne(eq("_id", job), combine(set("lastStartedAt", start), set("lastMillis", millis),
                    set("lastDone", outcome.done()), set("lastFailed", outcome.failed()), set("lastError", error),
                    set("lastInstance", ManagementInstance.NAME), inc("runs", 1L), inc("totalDone", (long) outcome.done()),
                    inc("totalFailed", (long) outcome.failed())), new UpdateOptions().upsert(true));
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<JobRun> all() {
        return runs.find().sort(Sorts.ascending("_id")).limit(100).into(new ArrayList<>());
    }

    /** This process, as logs and the Jobs view name it. */
    static final class ManagementInstance {
        static final String NAME = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

        private ManagementInstance() {
        }
    }
}
