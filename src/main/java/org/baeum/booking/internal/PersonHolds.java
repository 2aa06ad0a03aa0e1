package org.baeum.booking.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baeum.booking.Bookable;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * One unit per person per slot (decision 0042), in its earlier form: {@code booking_holds} kept one document per
 * participant and slot a citizen's active booking covered, {@code _id} = {@code participant|scope|date|HH:mm} where the
 * scope is the resource, or for seats the branch and kind (a person sits on one digital seat of a branch at a time).
 * Since decision 0068 the same keys live in the person's day document ({@link PersonDays}); nothing writes here any
 * more, and {@link EarlierHolds} moves what an earlier version left. Bookings of that form keep their keys
 * ({@code holds}) and settling deletes them.
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

    /** Deletes the keys {@code bookingId} holds among these; safe to repeat. */
    void releaseAll(List<String> keys, String bookingId) {
        // one delete by _id per key (a booking covers a few slots): an _id equality is an index look-up on every
        // server, where an $in over _id together with another field made the embedded one read the whole collection
        // (its unique index answers only a filter on exactly its own fields)
        keys.forEach(key -> delete(key, bookingId));
    }

    /** Holds of the earlier form, oldest first by key, for {@link EarlierHolds}. */
    List<Document> all(int limit) {
        return holds.find().limit(limit).into(new ArrayList<>());
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
