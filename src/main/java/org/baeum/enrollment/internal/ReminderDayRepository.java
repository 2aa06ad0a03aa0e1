package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.baeum.base.scheduling.DueWork;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The class-reminder days ({@code enrollment_reminder_days}, the due-work pattern of decision 0014): one item per
 * session day, its {@code _id} the day ({@code 2026-12-08}), due the evening before at the hour STAFF set. When it is
 * due, {@link ClassReminderRun} walks that day's sessions and queues one grouped mail per household (decision 0049).
 * The lease is long (10 minutes) because one item is a whole day's walk.
 */
@Repository
public class ReminderDayRepository {

    public static final String COLLECTION = "enrollment_reminder_days";
    static final Duration LEASE = Duration.ofMinutes(10);

    private final MongoCollection<Document> days;
    private final DueWork<Document> work;

    ReminderDayRepository(MongoDatabase database, Clock clock) {
        this.days = database.getCollection(COLLECTION);
        this.work = new DueWork<>(days, clock, LEASE);
    }

    /** Adds the day's item unless it exists; one that exists and is still pending moves to {@code dueAt}. */
    void schedule(LocalDate day, Instant dueAt) {
        String id = day.toString();
        days.updateOne(and(eq("_id", id), eq(DueWork.STATUS, DueWork.Status.PENDING.name())),
                new Document("$set", new Document(DueWork.DUE_AT, dueAt)));
        days.updateOne(eq("_id", id), new Document("$setOnInsert", DueWork.pending(dueAt)),
                new UpdateOptions().upsert(true));
    }

    List<Object> dueIds(int max) {
        return work.dueIds(max);
    }

    /** Claims the day's item if it is due; its session day. */
    Optional<LocalDate> claim(Object id, String owner) {
        return work.claim(id, owner).map(d -> LocalDate.parse(d.getString("_id")));
    }

    void complete(LocalDate day, String owner) {
        work.complete(day.toString(), owner);
    }

    void retry(LocalDate day, String owner, Instant next, String error) {
        work.retry(day.toString(), owner, next, error);
    }

    /** The item's state ({@code PENDING}, {@code CLAIMED}, {@code DONE}, {@code FAILED}), for checks and tests. */
    public Optional<String> status(LocalDate day) {
        return Optional.ofNullable(days.find(eq("_id", day.toString())).first()).map(d -> d.getString(DueWork.STATUS));
    }

    /** When the day's item is due, if it exists. */
    public Optional<Instant> dueAt(LocalDate day) {
        return Optional.ofNullable(days.find(eq("_id", day.toString())).first())
                .map(d -> d.getDate(DueWork.DUE_AT).toInstant());
    }

    /** Forgets the day's item (tests that walk the same day again as a new day). */
    public void forget(LocalDate day) {
        days.deleteOne(eq("_id", day.toString()));
    }
}
