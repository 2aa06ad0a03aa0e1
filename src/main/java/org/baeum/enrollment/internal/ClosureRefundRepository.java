package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.base.mongo.MongoErrors;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/**
 * The {@code enrollment_closure_refunds} collection: what a closure that cancelled class days of an entry that stays
 * enrolled settled (decision 0043) — a refund owed to a paid entry, listed on the enrolment desk until STAFF record
 * it paid out, or the reduction of an unpaid entry's fee. One document per closure plan and entry ({@code _id}
 * {@code closure:<planId>:<enrollmentId>}), so recording twice keeps the first.
 */
@Repository
public class ClosureRefundRepository {

    public static final String COLLECTION = "enrollment_closure_refunds";
    static final String PAID_OUT_AT = "refund.paidOutAt";
    static final String DUE_BY = "refund.dueBy";

    /** A refund owed back (the entry was paid), or a lower fee (it was not paid yet). Older documents: REFUND. */
    public enum Kind { REFUND, FEE_REDUCTION }

    /**
     * One recorded settlement, with the rule's answer as {@link RefundDocument} (its {@code paidOutAt} set when STAFF
     * paid a refund out), the closure's reason, and who recorded the payment with their note.
     */
    public record ClosureRefundDocument(@BsonId String id, String planId, String enrollmentId, String offeringId,
                                        String householdId, RefundDocument refund, Instant recordedAt, Kind kind,
                                        String reasonKo, String reasonEn, String paidOutBy, String note) {

        /** A lower fee rather than money owed back. */
        public boolean reduction() {
            return kind == Kind.FEE_REDUCTION;
        }
    }

    private final MongoCollection<ClosureRefundDocument> refunds;

    ClosureRefundRepository(MongoDatabase database) {
        this.refunds = database.getCollection(COLLECTION, ClosureRefundDocument.class);
        refunds.createIndex(Indexes.ascending("enrollmentId"), new IndexOptions().name("enrollment"));
        refunds.createIndex(Indexes.ascending(PAID_OUT_AT, DUE_BY), new IndexOptions().name("owed"));
        refunds.createIndex(Indexes.ascending("householdId"), new IndexOptions().name("household"));
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

    public Optional<ClosureRefundDocument> find(String id) {
        return Optional.ofNullable(refunds.find(eq("_id", id)).first());
    }

    /** The closure refunds of an entry, for the desk and tests. */
    public List<ClosureRefundDocument> ofEnrollment(String enrollmentId) {
        return refunds.find(eq("enrollmentId", enrollmentId)).into(new ArrayList<>());
    }

    /**
     * What closures have owed back to this entry so far (refunds, whether paid out or not; fee reductions are not
     * counted, as they lowered the entry's amount instead): the part of what was paid that no longer buys class days.
     */
    long refundedTo(String enrollmentId) {
        long sum = 0;
        for (ClosureRefundDocument r : refunds.find(and(eq("enrollmentId", enrollmentId),
                ne("kind", Kind.FEE_REDUCTION.name())))) {
            sum += r.refund() == null ? 0 : r.refund().amount();
        }
        return sum;
    }

    /** Refunds owed and not paid out yet (not fee reductions), the earliest due first. */
    public List<ClosureRefundDocument> owed(int limit) {
        return refunds.find(and(eq(PAID_OUT_AT, null), ne("kind", Kind.FEE_REDUCTION.name()), gt("refund.amount", 0)))
                .sort(Sorts.ascending(DUE_BY, "_id")).limit(limit).into(new ArrayList<>());
    }

    /** STAFF paid the refund out: once (empty when it was paid out already, is a fee reduction, or is unknown). */
    public Optional<ClosureRefundDocument> markPaidOut(String id, Instant now, String by, String note) {
        return Optional.ofNullable(refunds.findOneAndUpdate(and(eq("_id", id), eq(PAID_OUT_AT, null),
                        ne("kind", Kind.FEE_REDUCTION.name()), gt("refund.amount", 0)),
                combine(set(PAID_OUT_AT, now), set("paidOutBy", by), set("note", note)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** A fee reduction whose entry was paid before the fee went down: it is owed back as a refund instead. */
    boolean reductionBecameRefund(String id) {
        return refunds.updateOne(and(eq("_id", id), eq("kind", Kind.FEE_REDUCTION.name())),
                set("kind", Kind.REFUND.name())).getModifiedCount() == 1;
    }

    /** A deleted household: the refunds stay (money owed), without the account they led back to. */
    public long anonymise(String householdId) {
        return refunds.updateMany(eq("householdId", householdId), set("householdId", "deleted")).getModifiedCount();
    }
}
