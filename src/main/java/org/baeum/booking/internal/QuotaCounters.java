package org.baeum.booking.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.Optional;
import org.baeum.base.mongo.GuardedUpsert;
import org.baeum.booking.BookableKind;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Per-participant quota counters in {@code booking_quotas} (decision 0042): one document per participant, branch, kind
 * and day ({@code minutes}) or month ({@code bookings}), with a deterministic {@code _id}. Taking is one guarded
 * {@code $inc} ("only while the sum stays within the limit"), so parallel requests of one person never exceed it.
 */
@Repository
class QuotaCounters {

    static final String COLLECTION = "booking_quotas";
    static final String MINUTES = "minutes";
    static final String BOOKINGS = "bookings";

    private final MongoCollection<Document> quotas;

    QuotaCounters(MongoDatabase database) {
        this.quotas = database.getCollection(COLLECTION);
    }

    static String dayId(String participantId, String branchId, BookableKind kind, LocalDate day) {
        return "day|" + participantId + "|" + branchId + "|" + kind + "|" + day;
    }

    static String monthId(String participantId, String branchId, BookableKind kind, LocalDate day) {
        return "month|" + participantId + "|" + branchId + "|" + kind + "|" + day.toString().substring(0, 7);
    }

    /**
     * Adds {@code amount} to the counter while it stays at most {@code limit}; false (nothing changed) otherwise. One
     * guarded upsert ({@link GuardedUpsert}): a counter that does not exist yet is created with {@code amount}.
     */
    boolean take(String id, String field, int amount, int limit) {
        if (amount > limit) {
            return false;
        }
        return GuardedUpsert.apply(quotas, and(eq("_id", id), lte(field, limit - amount)),
                new Document("$inc", new Document(field, amount)));
    }

    /** Gives {@code amount} back (never below zero). */
    void giveBack(String id, String field, int amount) {
        quotas.updateOne(and(eq("_id", id), gte(field, amount)), new Document("$inc", new Document(field, -amount)));
    }

    /** Deletes every day and month counter of a participant; the count deleted. */
    long deleteOf(String participantId) {
        long n = 0;
        for (String scope : java.util.List.of("day|", "month|")) {
            n += quotas.deleteMany(com.mongodb.client.model.Filters.regex("_id",
                    "^" + java.util.regex.Pattern.quote(scope + participantId + "|"))).getDeletedCount();
        }
        return n;
    }

    Optional<Integer> value(String id, String field) {
        return Optional.ofNullable(quotas.find(eq("_id", id)).first()).map(d -> d.getInteger(field, 0));
    }
}
