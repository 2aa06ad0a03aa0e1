package org.baeum.closure.internal;

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
 * The {@code closure_work} collection: one due item per declared closure plan ({@code _id} = the plan's id), claimed
 * with a lease ({@link DueWork}) so two portals never apply one plan at once; retried a minute after a failure, up
 * to {@link ClosureApplier#MAX_ATTEMPTS} attempts.
 */
@Repository
public class ClosureWorkRepository {

    public static final String COLLECTION = "closure_work";

    private final MongoCollection<Document> items;
    private final DueWork<Document> work;

    ClosureWorkRepository(MongoDatabase database, Clock clock) {
        this.items = database.getCollection(COLLECTION);
        this.work = new DueWork<>(items, clock, Duration.ofMinutes(5));
    }

    /** Adds the plan's item, due at {@code at}, unless it exists. */
    void schedule(String planId, Instant at) {
        items.updateOne(new Document("_id", planId), new Document("$setOnInsert", DueWork.pending(at)),
                new UpdateOptions().upsert(true));
    }

    List<Object> dueIds(int max) {
        return work.dueIds(max);
    }

    Optional<Document> claim(Object id, String owner) {
        return work.claim(id, owner);
    }

    void complete(Object id, String owner) {
        work.complete(id, owner);
    }

    /** Puts the item back for {@code next}; false when {@code owner} no longer holds its lease. */
    boolean retry(Object id, String owner, Instant next, String error) {
        return work.retry(id, owner, next, error);
    }

    /**
     * Gives up on the plan's item (FAILED, with the error): it is not tried again. False when {@code owner} no longer
     * holds its lease (it ran out and another instance claimed the item): that one decides.
     */
    boolean fail(Object id, String owner, String error) {
        return work.fail(id, owner, error);
    }
}
