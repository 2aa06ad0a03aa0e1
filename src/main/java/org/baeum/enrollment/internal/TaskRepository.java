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
     * after a crash (decision 0015). {@code CENTRE_CANCELLATION}: the same for an offering the centre cancelled
     * (its id in place of an entry's, the day and the staff's reason in {@code note}): added before its entries end,
     * taken away once all have, so that a crash halfway leaves no entry active in a cancelled class.
     */
    public enum Kind { OFFER_EXPIRY, OFFER_REMINDER, PAYMENT_REMINDER, PAYMENT_DUE, FINISH_ENDING, CENTRE_CANCELLATION }

    /** {@code enrollmentId}: the entry the task is about (an offering's id for {@link Kind#CENTRE_CANCELLATION}). */
    public record Task(String id, Kind kind, String enrollmentId, Instant dueAt, String note) {
    }

    private final MongoCollection<Document> tasks;
    private final DueWork<Document> work;

    TaskRepository(MongoDatabase database, Clock clock) {
        this.tasks = database.getCollection(COLLECTION);
        this.work = new DueWork<>(tasks, clock, Duration.ofMinutes(2));
    }

    /** Adds the task unless it exists; a task that exists and is still pending moves to {@code dueAt}. */
    public void schedule(Kind kind, String enrollmentId, Instant dueAt) {
        schedule(kind, enrollmentId, dueAt, null);
    }

    /** As {@link #schedule(Kind, String, Instant)}, with a note the task needs when it runs. */
    public void schedule(Kind kind, String enrollmentId, Instant dueAt, String note) {
        String id = kind.name() + ":" + enrollmentId;
        Document onInsert = DueWork.pending(dueAt).append("kind", kind.name()).append("enrollmentId", enrollmentId)
                .append("note", note);
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
                d.getString("enrollmentId"), d.getDate(DueWork.DUE_AT).toInstant(), d.getString("note")));
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
