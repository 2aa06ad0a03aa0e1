package org.baeum.notification.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.base.scheduling.DueWork;
import org.baeum.notification.NotificationKind;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/** The {@code outbox} collection: notifications waiting, being sent, sent or failed. */
@Repository
public class OutboxRepository {

    public static final String COLLECTION = "outbox";
    /** Longer than one send can take, however slow the mail server: see {@link DueWork}. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final MongoCollection<OutboxDocument> outbox;
    private final DueWork<OutboxDocument> due;

    OutboxRepository(MongoDatabase database, Clock clock) {
        this.outbox = database.getCollection(COLLECTION, OutboxDocument.class);
        outbox.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key_unique"));
        outbox.createIndex(Indexes.descending("createdAt"));
        outbox.createIndex(Indexes.ascending("accountId"));
        outbox.createIndex(Indexes.ascending("messageId"));
        this.due = new DueWork<>(outbox, clock, LEASE);
    }

    public DueWork<OutboxDocument> due() {
        return due;
    }

    /** Adds the row; when its key is there already, the existing row (a retried request adds nothing). */
    public OutboxDocument insertOnce(OutboxDocument row) {
        try {
            MongoErrors.translate(() -> outbox.insertOne(row));
            return row;
        } catch (DuplicateKeyException e) {
            return Optional.ofNullable(outbox.find(eq("key", row.key())).first()).orElseThrow(() -> e);
        }
    }

    /**
     * Inserts rows with one unordered command (one commit for many rows, decision 0049): a row whose key is there
     * already is refused by the unique index and left out, the others are stored.
     *
     * @return how many rows were added
     */
    public int insertAllOnce(List<OutboxDocument> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            outbox.insertMany(rows, new com.mongodb.client.model.InsertManyOptions().ordered(false));
            return rows.size();
        } catch (com.mongodb.MongoBulkWriteException e) {
            for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                if (com.mongodb.ErrorCategory.fromErrorCode(error.getCode()) != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return rows.size() - e.getWriteErrors().size();
        }
    }

    public Optional<OutboxDocument> findById(String id) {
        return Optional.ofNullable(outbox.find(eq("_id", id)).first());
    }

    public List<OutboxDocument> page(DueWork.Status status, NotificationKind kind, String toAddress, int offset, int limit) {
        return outbox.find(filter(status, kind, toAddress)).sort(Sorts.descending("createdAt", "_id")).skip(offset)
                .limit(limit).into(new ArrayList<>());
    }

    public long count(DueWork.Status status, NotificationKind kind, String toAddress) {
        return outbox.countDocuments(filter(status, kind, toAddress));
    }

    /** The row whose mail carried this Message-ID. */
    public Optional<OutboxDocument> findByMessageId(String messageId) {
        return Optional.ofNullable(outbox.find(eq("messageId", messageId)).first());
    }

    /** The account's sent notifications, newest first. */
    public List<OutboxDocument> sentTo(String accountId, int offset, int limit) {
        return outbox.find(sentFilter(accountId)).sort(Sorts.descending("doneAt", "_id")).skip(offset).limit(limit)
                .into(new ArrayList<>());
    }

    public long countSentTo(String accountId) {
        return outbox.countDocuments(sentFilter(accountId));
    }

    private static Bson sentFilter(String accountId) {
        return and(eq("accountId", accountId), eq(DueWork.STATUS, DueWork.Status.DONE.name()));
    }

    /** Erases every notification of an account (the account was deleted). */
    public long deleteByAccount(String accountId) {
        return outbox.deleteMany(eq("accountId", accountId)).getDeletedCount();
    }

    private static Bson filter(DueWork.Status status, NotificationKind kind, String toAddress) {
        List<Bson> all = new ArrayList<>();
        if (status != null) {
            all.add(eq(DueWork.STATUS, status.name()));
        }
        if (kind != null) {
            all.add(eq("kind", kind.name()));
        }
        if (toAddress != null && !toAddress.isBlank()) {
            all.add(eq("toAddress", toAddress.strip().toLowerCase(java.util.Locale.ROOT)));
        }
        return all.isEmpty() ? new org.bson.Document() : and(all);
    }
}
