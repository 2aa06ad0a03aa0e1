package org.baeum.booking.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.booking.Bookable;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * One unit per person per slot (decision 0042): {@code booking_holds} keeps one document per participant and slot
 * a citizen's active booking covers, {@code _id} = {@code participant|scope|date|HH:mm} where the scope is the
 * resource, or for seats the branch and kind (a person sits on one digital seat of a branch at a time). The {@code _id}
 * is the unique key: of two parallel requests of one person for one slot, one insert fails with a duplicate key. The
 * booking keeps its keys ({@code holds}) and settling deletes them; a hold whose booking never got stored (a crash
 * between the hold and the insert) is deleted by the sweep after {@link BookingSweep#GRACE}.
 */
@Repository
class PersonHolds {

    static final String COLLECTION = "booking_holds";

    private final MongoCollection<Document> holds;

    PersonHolds(MongoDatabase database) {
        this.holds = database.getCollection(COLLECTION);
        holds.createIndex(Indexes.ascending("at"), new IndexOptions().name("hold_at"));
    }

    static List<String> keys(Bookable b, String participantId, LocalDate date, List<SlotTimes.Span> spans) {
        String scope = b.kind().forGroups() ? b.id() : b.branchId() + "|" + b.kind();
        return spans.stream().map(s -> participantId + "|" + scope + "|" + date + "|" + s.start()).toList();
    }

    /** Takes every key for {@code bookingId}, all or none: false (nothing kept) when the person holds one already. */
    boolean takeAll(List<String> keys, String bookingId, Instant now) {
        for (String key : keys) {
            try {
                holds.insertOne(new Document("_id", key).append("bookingId", bookingId).append("at", Date.from(now)));
            } catch (RuntimeException e) {
                releaseAll(keys, bookingId);
                if (MongoErrors.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        }
        return true;
    }

    /** Deletes the keys {@code bookingId} holds among these; safe to repeat. */
    void releaseAll(List<String> keys, String bookingId) {
        // one delete by _id per key (a booking covers a few slots): an _id equality is an index look-up on every
        // server, where an $in over the keys made the embedded one read the whole collection
        keys.forEach(key -> delete(key, bookingId));
    }

    /** Holds taken before {@code before}, for the sweep to check against their bookings. */
    List<Document> takenBefore(Instant before, int limit) {
        return holds.find(lte("at", Date.from(before))).limit(limit).into(new ArrayList<>());
    }

    /** Marks a hold seen by the sweep (its booking exists), so it is not read again. */
    void seen(String key) {
        holds.updateOne(eq("_id", key), new Document("$unset", new Document("at", "")));
    }

    /** Deletes every hold of a participant (their id leads each key); the count deleted. */
    long deleteOf(String participantId) {
        return holds.deleteMany(com.mongodb.client.model.Filters.regex("_id",
                "^" + java.util.regex.Pattern.quote(participantId + "|"))).getDeletedCount();
    }

    void delete(String key, String bookingId) {
        holds.deleteOne(and(eq("_id", key), eq("bookingId", bookingId)));
    }
}
