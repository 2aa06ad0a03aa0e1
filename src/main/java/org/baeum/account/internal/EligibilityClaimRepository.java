package org.baeum.account.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.account.EligibilityStatus;
import org.baeum.base.mongo.MongoErrors;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/** The {@code eligibility_claims} collection: fee-reduction declarations and staff's decisions. */
@Repository
public class EligibilityClaimRepository {

    public static final String COLLECTION = "eligibility_claims";

    private final MongoCollection<EligibilityClaimDocument> claims;

    EligibilityClaimRepository(MongoDatabase database) {
        this.claims = database.getCollection(COLLECTION, EligibilityClaimDocument.class);
        claims.createIndex(Indexes.ascending("openKey"), new IndexOptions().unique(true).sparse(true).name("open_claim_unique"));
        claims.createIndex(Indexes.ascending("status", "declaredAt"));
        claims.createIndex(Indexes.ascending("householdId", "declaredAt"));
        claims.createIndex(Indexes.ascending("participantId", "status"));
    }

    /** A second open claim of the same participant and category comes out as {@code DuplicateKeyException}. */
    public void insert(EligibilityClaimDocument claim) {
        MongoErrors.translate(() -> claims.insertOne(claim));
    }

    /** Creates or replaces (demo data, re-run after an interrupted first start). */
    public void upsert(EligibilityClaimDocument claim) {
        MongoErrors.translate(() -> claims.replaceOne(eq("_id", claim.id()), claim,
                new com.mongodb.client.model.ReplaceOptions().upsert(true)));
    }

    public Optional<EligibilityClaimDocument> findById(String id) {
        return Optional.ofNullable(claims.find(eq("_id", id)).first());
    }

    public List<EligibilityClaimDocument> findByHousehold(String householdId) {
        return claims.find(eq("householdId", householdId)).sort(Sorts.descending("declaredAt")).limit(500)
                .into(new ArrayList<>());
    }

    public List<EligibilityClaimDocument> findByParticipant(String participantId, EligibilityStatus status) {
        return claims.find(and(eq("participantId", participantId), eq("status", status))).limit(100).into(new ArrayList<>());
    }

    public Optional<EligibilityClaimDocument> findOpen(String openKey) {
        return Optional.ofNullable(claims.find(eq("openKey", openKey)).first());
    }

    /** Claims in one status, oldest declaration first (the queue order). */
    public List<EligibilityClaimDocument> pageByStatus(EligibilityStatus status, int offset, int limit) {
        return claims.find(eq("status", status)).sort(Sorts.ascending("declaredAt", "_id")).skip(offset).limit(limit)
                .into(new ArrayList<>());
    }

    public long countByStatus(EligibilityStatus status) {
        return claims.countDocuments(eq("status", status));
    }

    /**
     * Moves a claim from {@code from} to {@code to} in one guarded update and appends the step; empty when the claim
     * is not (any longer) in {@code from}, e.g. a colleague decided first.
     */
    public Optional<EligibilityClaimDocument> transition(String id, EligibilityStatus from, EligibilityStatus to,
                                                         LocalDate validUntil, String reason, boolean stillOpen,
                                                         EligibilityClaimDocument.StepDocument step, Bson extraGuard) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", to), Updates.push("history", step)));
        if (validUntil != null) {
            updates.add(Updates.set("validUntil", validUntil));
        }
        if (reason != null) {
            updates.add(Updates.set("reason", reason));
        }
        if (!stillOpen) {
            updates.add(Updates.unset("openKey"));
        }
        Bson guard = extraGuard == null ? and(eq("_id", id), eq("status", from)) : and(eq("_id", id), eq("status", from), extraGuard);
        return Optional.ofNullable(claims.findOneAndUpdate(guard, Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    public long deleteHousehold(String householdId) {
        return claims.deleteMany(eq("householdId", householdId)).getDeletedCount();
    }
}
