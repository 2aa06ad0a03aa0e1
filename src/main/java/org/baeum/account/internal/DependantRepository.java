package org.baeum.account.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** The {@code dependants} collection: the people of each household besides the account holder. */
@Repository
public class DependantRepository {

    public static final String COLLECTION = "dependants";

    private final MongoCollection<DependantDocument> dependants;

    DependantRepository(MongoDatabase database) {
        this.dependants = database.getCollection(COLLECTION, DependantDocument.class);
        dependants.createIndex(Indexes.ascending("householdId", "addedAt"));
    }

    public void insert(DependantDocument dependant) {
        dependants.insertOne(dependant);
    }

    /** Creates or replaces (demo data, re-run after an interrupted first start). */
    public void upsert(DependantDocument dependant) {
        dependants.replaceOne(eq("_id", dependant.id()), dependant, new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    public Optional<DependantDocument> findById(String id) {
        return Optional.ofNullable(dependants.find(eq("_id", id)).first());
    }

    /** The dependants with these ids that exist, in one read (ids that are no dependant are left out). */
    public List<DependantDocument> findByIds(java.util.Collection<String> ids) {
        return ids.isEmpty() ? List.of()
                : dependants.find(com.mongodb.client.model.Filters.in("_id", ids)).into(new ArrayList<>(ids.size()));
    }

    /** Every dependant of the household, removed ones included, oldest entry first (at most 100). */
    public List<DependantDocument> findByHousehold(String householdId) {
        return dependants.find(eq("householdId", householdId)).sort(Sorts.ascending("addedAt", "_id")).limit(100)
                .into(new ArrayList<>());
    }

    public long countActive(String householdId) {
        return dependants.countDocuments(and(eq("householdId", householdId), eq("removedAt", null)));
    }

    /** Marks the dependant removed if it belongs to the household and is active; false otherwise. */
    public boolean markRemoved(String id, String householdId, Instant at) {
        return dependants.updateOne(and(eq("_id", id), eq("householdId", householdId), eq("removedAt", null)),
                Updates.set("removedAt", at)).getModifiedCount() == 1;
    }

    public long deleteHousehold(String householdId) {
        return dependants.deleteMany(eq("householdId", householdId)).getDeletedCount();
    }
}
