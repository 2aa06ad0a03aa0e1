package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baeum.base.scheduling.DueWork;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Enrolment work that falls due later ({@code enrollment_tasks}, the due-work pattern of decision 0014): an offer
 * running out, the reminder before that, a payment reminder and a payment deadline. The id is
 * {@code <kind>:<enrollmentId>}, so scheduling the same task twice adds nothing.
 */
@Repository
public class TaskRepository {

    public static final String COLLECTION = "enrollment_tasks";

    /**
     * {@code FINISH_ENDING}: an ending (cancellation, decline, expiry, ...) that has not given its seat back and
     * mailed the citizen yet; added before the status changes and taken away once both are done, so it runs only
     * after a crash (decision 0015).
     */
    public enum Kind { OFFER_EXPIRY, OFFER_REMINDER, PAYMENT_REMINDER, PAYMENT_DUE, FINISH_ENDING }

    public record Task(String id, Kind kind, String enrollmentId, Instant dueAt) {
    }

    private final MongoCollection<Document> tasks;
    private final DueWork<Document> work;

    TaskRepository(MongoDatabase database, Clock clock) {
        this.tasks = database.getCollection(COLLECTION);
        this.work = new DueWork<>(tasks, clock, Duration.ofMinutes(2));
    }

    /** Adds the task unless it exists; a task that exists and is still pending moves to {@code dueAt}. */
    public void schedule(Kind kind, String enrollmentId, Instant dueAt) {
        String id = kind.name() + ":" + enrollmentId;
        Document onInsert = DueWork.pending(dueAt).append("kind", kind.name()).append("enrollmentId", enrollmentId);
        tasks.updateOne(and(eq("_id", id), eq(DueWork.STATUS, DueWork.Status.PENDING.name())),
                new Document("$set", new Document(DueWork.DUE_AT, dueAt)));
        tasks.updateOne(eq("_id", id), new Document("$setOnInsert", onInsert), new UpdateOptions().upsert(true));
    }

    /** Takes a task away while it is still pending (its work was done another way). */
    public void cancel(Kind kind, String enrollmentId) {
        tasks.deleteOne(and(eq("_id", kind.name() + ":" + enrollmentId), eq(DueWork.STATUS, DueWork.Status.PENDING.name())));
    }

    public List<Object> dueIds(int max) {
        return work.dueIds(max);
    }

    public Optional<Task> claim(Object id, String owner) {
        return work.claim(id, owner).map(d -> new Task(d.getString("_id"), Kind.valueOf(d.getString("kind")),
                d.getString("enrollmentId"), d.getDate(DueWork.DUE_AT).toInstant()));
    }

    public void complete(String id, String owner) {
        work.complete(id, owner);
    }

    public void retry(String id, String owner, Instant next, String error) {
        work.retry(id, owner, next, error);
    }

    public Optional<Instant> nextDue() {
        return work.nextDue();
    }

    public long pending() {
        return work.count(DueWork.Status.PENDING);
    }
}
