package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Per-entry reminder choices ({@code enrollment_reminder_prefs}): one small document per enrolment whose household
 * switched "remind me before every session" on or off, its {@code _id} the entry's id, with the offering (the walk reads
 * the choices of the offerings that meet on a day) and the household. No document: only the first session is reminded.
 */
@Repository
public class ReminderPreferenceRepository {

    public static final String COLLECTION = "enrollment_reminder_prefs";

    private final MongoCollection<Document> prefs;

    ReminderPreferenceRepository(MongoDatabase database) {
        this.prefs = database.getCollection(COLLECTION);
        prefs.createIndex(Indexes.ascending("offeringId", "everySession"));
        prefs.createIndex(Indexes.ascending("householdId"));
    }

    /** Stores the entry's choice (one write, repeated safely). */
    void set(String enrollmentId, String offeringId, String householdId, boolean everySession, Instant at) {
        prefs.replaceOne(eq("_id", enrollmentId), new Document("_id", enrollmentId).append("offeringId", offeringId)
                        .append("householdId", householdId).append("everySession", everySession)
                        .append("changedAt", Date.from(at)), new ReplaceOptions().upsert(true));
    }

    boolean everySession(String enrollmentId) {
        Document d = prefs.find(eq("_id", enrollmentId)).first();
        return d != null && Boolean.TRUE.equals(d.getBoolean("everySession"));
    }

    /** The entries of these offerings whose household wants a reminder before every session. */
    Set<String> everySessionIn(Collection<String> offeringIds) {
        Set<String> ids = new HashSet<>();
        if (offeringIds.isEmpty()) {
            return ids;
        }
        for (Document d : prefs.find(and(in("offeringId", offeringIds), eq("everySession", true)))
                .projection(Projections.include("_id"))) {
            ids.add(d.getString("_id"));
        }
        return ids;
    }

    /** Deletes a household's choices (its account was deleted). */
    long deleteOfHousehold(String householdId) {
        return prefs.deleteMany(eq("householdId", householdId)).getDeletedCount();
    }
}
