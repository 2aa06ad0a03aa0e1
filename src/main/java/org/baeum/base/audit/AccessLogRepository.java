package org.baeum.base.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.baeum.base.i18n.Formats;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code access_log} collection, insert-only: this class offers inserting an entry and reading entries, and no
 * way to change or remove one ({@code AccessLogInsertOnlyTest} keeps it so). It is package-private, so no other
 * package can even reach it; the collection name appears nowhere else in the code.
 *
 * <p>Indexes serve the ADMIN filters, each ending in the time so that "newest first" needs no sort in memory. The
 * embedded server ignores non-unique secondary indexes; a real MongoDB uses them.
 */
@Repository
class AccessLogRepository {

    private static final String COLLECTION = "access_log";
    private static final Bson NEWEST_FIRST = Sorts.descending("at", "_id");
    private static final int BATCH = 1_000;

    private final MongoCollection<AccessLogEntry> entries;

    AccessLogRepository(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION, AccessLogEntry.class);
        entries.createIndex(Indexes.descending("at", "_id"), new IndexOptions().name("at"));
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("actorUsername"), Indexes.descending("at")),
                new IndexOptions().name("actor_at"));
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("subjectAccountId"), Indexes.descending("at")),
                new IndexOptions().name("subject_at"));
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("action"), Indexes.descending("at")),
                new IndexOptions().name("action_at"));
    }

    /** Writes one entry; any failure of the database comes out as the driver's exception. */
    void insert(AccessLogEntry entry) {
        entries.insertOne(entry);
    }

    /** Matching entries, newest first. */
    List<AccessLogEntry> page(AccessLogQuery query, int offset, int limit) {
        return entries.find(filter(query)).sort(NEWEST_FIRST).skip(offset).limit(limit).into(new ArrayList<>(limit));
    }

    long count(AccessLogQuery query) {
        return entries.countDocuments(filter(query));
    }

    /**
     * Hands at most {@code limit} matching entries, newest first, to {@code sink} one by one, reading them from the
     * database in batches through one cursor: an export never holds more than a batch in memory.
     */
    void forEachNewest(AccessLogQuery query, int limit, Consumer<AccessLogEntry> sink) {
        try (MongoCursor<AccessLogEntry> cursor = entries.find(filter(query)).sort(NEWEST_FIRST).limit(limit)
                .batchSize(Math.min(BATCH, limit)).cursor()) {
            cursor.forEachRemaining(sink);
        }
    }

    static Bson filter(AccessLogQuery query) {
        List<Bson> parts = new ArrayList<>();
        if (query.from() != null) {
            parts.add(gte("at", query.from().atStartOfDay(Formats.SEOUL).toInstant()));
        }
        if (query.to() != null) {
            parts.add(lt("at", query.to().plusDays(1).atStartOfDay(Formats.SEOUL).toInstant()));
        }
        if (query.actorUsername() != null) {
            parts.add(eq("actorUsername", query.actorUsername()));
        }
        if (query.subjectAccountId() != null) {
            parts.add(eq("subjectAccountId", query.subjectAccountId()));
        }
        if (query.action() != null) {
            parts.add(eq("action", query.action().name()));
        }
        return parts.isEmpty() ? new BsonDocument() : and(parts);
    }
}
