package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.base.mongo.MongoErrors;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/**
 * The {@code enrollment_closure_refunds} collection: what an entry that stays enrolled is owed back because a closure
 * cancelled some of its class days (decision 0043). One document per closure plan and entry ({@code _id}
 * {@code closure:<planId>:<enrollmentId>}), so recording twice keeps the first.
 */
@Repository
public class ClosureRefundRepository {

    public static final String COLLECTION = "enrollment_closure_refunds";

    /** One recorded refund, with the rule's answer as {@link RefundDocument}. */
    public record ClosureRefundDocument(@BsonId String id, String planId, String enrollmentId, String offeringId,
                                        String householdId, RefundDocument refund, Instant recordedAt) {
    }

    private final MongoCollection<ClosureRefundDocument> refunds;

    ClosureRefundRepository(MongoDatabase database) {
        this.refunds = database.getCollection(COLLECTION, ClosureRefundDocument.class);
        refunds.createIndex(Indexes.ascending("enrollmentId"), new IndexOptions().name("enrollment"));
    }

    static String id(String planId, String enrollmentId) {
        return "closure:" + planId + ":" + enrollmentId;
    }

    /** Inserts the refund unless one is recorded for the plan and entry; answers the one stored. */
    ClosureRefundDocument recordOnce(ClosureRefundDocument refund) {
        try {
            refunds.insertOne(refund);
            return refund;
        } catch (RuntimeException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            return find(refund.id()).orElseThrow(() -> e);
        }
    }

    Optional<ClosureRefundDocument> find(String id) {
        return Optional.ofNullable(refunds.find(eq("_id", id)).first());
    }

    /** The closure refunds of an entry, for the desk and tests. */
    public List<ClosureRefundDocument> ofEnrollment(String enrollmentId) {
        return refunds.find(eq("enrollmentId", enrollmentId)).into(new ArrayList<>());
    }
}
