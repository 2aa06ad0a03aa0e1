package org.baeum.survey.internal;

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
 * The {@code survey_dispatch} collection: one due item per survey and offering ({@code _id} =
 * {@code surveyId|offeringId}, fields {@code surveyId}, {@code offeringId} and {@link DueWork}'s), due when the
 * offering's invitations go out; claimed with a lease so two portals never send one offering's invitations at once.
 */
@Repository
public class DispatchRepository {

    public static final String COLLECTION = "survey_dispatch";

    private final MongoCollection<Document> items;
    private final DueWork<Document> work;

    DispatchRepository(MongoDatabase database, Clock clock) {
        this.items = database.getCollection(COLLECTION);
        this.work = new DueWork<>(items, clock, Duration.ofMinutes(5));
    }

    /** Adds the offering's item, due at {@code at}, unless it exists. */
    void schedule(String surveyId, String offeringId, Instant at) {
        items.updateOne(new Document("_id", surveyId + "|" + offeringId),
                new Document("$setOnInsert", DueWork.pending(at).append("surveyId", surveyId)
                        .append("offeringId", offeringId)), new UpdateOptions().upsert(true));
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

    boolean retry(Object id, String owner, Instant next, String error) {
        return work.retry(id, owner, next, error);
    }

    boolean fail(Object id, String owner, String error) {
        return work.fail(id, owner, error);
    }

    Optional<Instant> nextDue() {
        return work.nextDue();
    }
}
