package org.baeum.attendance.completion.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Offerings whose completion is due ({@code completion_due}, one document per offering id): ended and not confirmed,
 * with the provisional figures, the instructors to ask, when they were mailed and when a confirmation cleared it.
 * Every write is one single-document update; a cleared offering is never marked due again (the filter excludes it
 * and the upsert then fails on the id).
 */
@Repository
public class CompletionDueRepository {

    private final MongoCollection<Document> due;

    CompletionDueRepository(MongoDatabase database) {
        this.due = database.getCollection("completion_due");
        due.createIndex(Indexes.ascending("instructors"), new IndexOptions().name("instructors"));
    }

    /** One offering's due item. */
    public record Due(String offeringId, Instant dueSince, int participants, int completed, List<String> instructors,
                      Instant mailedAt, Instant clearedAt) {
    }

    public Optional<Due> find(String offeringId) {
        return Optional.ofNullable(due.find(eq("_id", offeringId)).first()).map(CompletionDueRepository::due);
    }

    /** The open (not cleared) items of an instructor, oldest first. */
    public List<Due> openFor(String instructorAccountId) {
        return due.find(and(eq("instructors", instructorAccountId), exists("clearedAt", false)))
                .sort(Sorts.ascending("dueSince")).map(CompletionDueRepository::due).into(new ArrayList<>());
    }

    /**
     * Marks the offering due with its provisional figures (again: refreshes the figures, keeps the first time).
     *
     * @return false when a confirmation cleared it already (nothing changes then)
     */
    public boolean markDue(String offeringId, int participants, int completed, List<String> instructors, Instant at) {
        try {
            due.updateOne(and(eq("_id", offeringId), exists("clearedAt", false)), Updates.combine(
                    Updates.setOnInsert("dueSince", Date.from(at)), Updates.set("participants", participants),
                    Updates.set("completed", completed), Updates.set("instructors", instructors)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false; // cleared: the filter left it out and the upsert met its id
            }
            throw e;
        }
    }

    public void mailed(String offeringId, Instant at) {
        due.updateOne(eq("_id", offeringId), Updates.set("mailedAt", Date.from(at)));
    }

    /** A confirmation clears the offering's item (and keeps a later sweep from marking it due again). */
    public void cleared(String offeringId, Instant at) {
        due.updateOne(eq("_id", offeringId), Updates.set("clearedAt", Date.from(at)), new UpdateOptions().upsert(true));
    }

    private static Due due(Document d) {
        return new Due(d.getString("_id"), instant(d, "dueSince"), d.getInteger("participants", 0),
                d.getInteger("completed", 0), d.getList("instructors", String.class, List.of()),
                instant(d, "mailedAt"), instant(d, "clearedAt"));
    }

    private static Instant instant(Document d, String field) {
        return d.getDate(field) == null ? null : d.getDate(field).toInstant();
    }
}
