package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code enrollments} collection: inserts, single-entry lookups and the anonymisation of a deleted account.
 * The status and payment changes are the named transitions of {@link EnrollmentTransitions}; the lists read from the
 * collection are in {@link EnrollmentLists}.
 *
 * <p>It owns the collection's field names (the constants below; {@link EnrollmentDocument} carries the same names)
 * and its indexes, which the other two use.
 */
@Repository
public class EnrollmentRepository {

    public static final String COLLECTION = "enrollments";

    // the stored field names: this class owns them (EnrollmentDocument's components carry the same names)
    static final String OFFERING_ID = "offeringId";
    static final String TERM_ID = "termId";
    static final String PARTICIPANT_ID = "participantId";
    static final String HOUSEHOLD_ID = "householdId";
    static final String PARTICIPANT_NAME = "participantName";
    static final String STATUS = "status";
    static final String ACTIVE_KEY = "activeKey";
    static final String IDEM_KEY = "idemKey";
    static final String TICKET = "ticket";
    static final String RANK = "rank";
    static final String OFFERED_AT = "offeredAt";
    static final String OFFER_EXPIRES_AT = "offerExpiresAt";
    static final String BASE_FEE = "baseFee";
    static final String REDUCTION_CODE = "reductionCode";
    static final String REDUCTION_NAME_KO = "reductionNameKo";
    static final String REDUCTION_NAME_EN = "reductionNameEn";
    static final String REDUCTION_PERCENT = "reductionPercent";
    static final String AMOUNT = "amount";
    static final String PAYMENT = "payment";
    static final String REFUND_AMOUNT = "refundAmount";
    static final String REFUND = "refund";
    static final String REFUND_DUE_BY = "refund.dueBy";
    static final String REFUND_PAID_OUT_AT = "refund.paidOutAt";
    static final String CREATED_AT = "createdAt";
    static final String ENROLLED_AT = "enrolledAt";
    static final String ENDED_AT = "endedAt";
    static final String END_REASON = "endReason";
    static final String SEAT_RELEASE_PENDING = "seatReleasePending";
    static final String HISTORY = "history";
    static final String ACTOR_ID = "actorId";
    static final String FACTS = "facts";
    static final String FACTS_YEAR = "facts.year";
    static final String FACTS_PERSON = "facts.person";
    static final String FACTS_REDUCTION = "facts.reductionCategory";

    /** The most entries one list query reads. */
    public static final int MAX_LIST = 5_000;

    private final MongoCollection<EnrollmentDocument> enrollments;

    EnrollmentRepository(MongoDatabase database) {
        this.enrollments = database.getCollection(COLLECTION, EnrollmentDocument.class);
        enrollments.createIndex(Indexes.ascending(ACTIVE_KEY), new IndexOptions().name("active").unique(true).sparse(true));
        enrollments.createIndex(Indexes.ascending(IDEM_KEY), new IndexOptions().name("idem").unique(true).sparse(true));
        enrollments.createIndex(Indexes.ascending(OFFERING_ID, STATUS, RANK, TICKET), new IndexOptions().name("offering"));
        enrollments.createIndex(Indexes.ascending(HOUSEHOLD_ID, CREATED_AT), new IndexOptions().name("household"));
        enrollments.createIndex(Indexes.ascending(PARTICIPANT_ID, TERM_ID), new IndexOptions().name("participant"));
        enrollments.createIndex(Indexes.ascending(PAYMENT, REFUND_DUE_BY), new IndexOptions().name("refunds"));
        enrollments.createIndex(Indexes.ascending(FACTS_YEAR), new IndexOptions().name("factsYear"));
    }

    /** @throws DuplicateKeyException for a second active entry or a used idempotency key */
    public void insert(EnrollmentDocument doc) {
        MongoErrors.translate(() -> enrollments.insertOne(doc));
    }

    /**
     * Inserts entries with one command, each on its own (unordered): an entry refused by a unique index does not
     * stop the others.
     *
     * @return the positions in {@code docs} of the entries refused as duplicates (a second active entry or a used
     *         idempotency key); every other entry is stored
     * @throws com.mongodb.MongoException for any other failure (then some entries may be stored, as after a crash)
     */
    public Set<Integer> insertAll(List<EnrollmentDocument> docs) {
        if (docs.size() == 1) {
            try {
                insert(docs.getFirst());
                return Set.of();
            } catch (DuplicateKeyException e) {
                return Set.of(0);
            }
        }
        try {
            enrollments.insertMany(docs, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<Integer> duplicates = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
            return duplicates;
        }
    }

    public Optional<EnrollmentDocument> findById(String id) {
        return Optional.ofNullable(enrollments.find(eq("_id", id)).first());
    }

    public Optional<EnrollmentDocument> findByIdemKey(String idemKey) {
        return Optional.ofNullable(enrollments.find(eq(IDEM_KEY, idemKey)).first());
    }

    public Optional<EnrollmentDocument> findActive(String offeringId, String participantId) {
        return Optional.ofNullable(enrollments.find(eq(ACTIVE_KEY, activeKey(offeringId, participantId))).first());
    }

    /**
     * In one read: the entry first made with this idempotency key ({@code idemKey} may be null: none), and the
     * participant's active entry in the offering (both unique keys, so at most two documents).
     */
    public Lookup findReplayOrActive(String idemKey, String offeringId, String participantId) {
        String active = activeKey(offeringId, participantId);
        Bson filter = idemKey == null ? eq(ACTIVE_KEY, active)
                : com.mongodb.client.model.Filters.or(eq(IDEM_KEY, idemKey), eq(ACTIVE_KEY, active));
        EnrollmentDocument replay = null;
        EnrollmentDocument current = null;
        for (EnrollmentDocument d : enrollments.find(filter).limit(2)) {
            if (idemKey != null && idemKey.equals(d.idemKey())) {
                replay = d;
            }
            if (active.equals(d.activeKey())) {
                current = d;
            }
        }
        return new Lookup(Optional.ofNullable(replay), Optional.ofNullable(current));
    }

    /** What {@link #findReplayOrActive} found. */
    public record Lookup(Optional<EnrollmentDocument> replay, Optional<EnrollmentDocument> active) {
    }

    public static String activeKey(String offeringId, String participantId) {
        return offeringId + "|" + participantId;
    }

    /** The unique key of a household's command: a replay with the same key finds the first answer. */
    public static String idemKey(String householdId, String key) {
        return householdId + "|" + key;
    }

    /**
     * A new entry id: {@code enr-}, the time in milliseconds (12 hex digits), then 64 random bits (16 hex digits).
     * Ids made one after another sort together, so a B-tree keyed by {@code _id} (MongoDB's and the embedded store's)
     * takes new entries at its right edge: the entries of a rush share a few pages instead of each touching (and, in
     * the embedded store, rewriting at commit) a page of its own. The random part keeps ids unguessable as before.
     */
    public static String newId() {
        return String.format("enr-%012x%016x", System.currentTimeMillis(),
                java.util.UUID.randomUUID().getLeastSignificantBits());
    }

    /**
     * Forgets who a deleted account's participants were: names, ids, the actor when it was the household itself, and
     * history go; statuses, fees and the reporting facts stay for statistics. Each participant's entries get one new
     * random {@code facts.person} in the same update that removes their id (so all of a person's entries still count
     * as one person, and two participants stay two), and nothing left leads back to them.
     */
    public long anonymise(String householdId) {
        Bson forget = combine(set(PARTICIPANT_NAME, null), set(HOUSEHOLD_ID, "deleted"), set(PARTICIPANT_ID, "deleted"),
                unset(ACTIVE_KEY), unset(IDEM_KEY), set(HISTORY, List.of()));
        enrollments.updateMany(and(eq(HOUSEHOLD_ID, householdId), eq(ACTOR_ID, householdId)), set(ACTOR_ID, "deleted"));
        long n = 0;
        for (String participant : enrollments.distinct(PARTICIPANT_ID, eq(HOUSEHOLD_ID, householdId), String.class)) {
            n += enrollments.updateMany(and(eq(HOUSEHOLD_ID, householdId), eq(PARTICIPANT_ID, participant),
                    exists(FACTS_YEAR)), combine(forget, set(FACTS_PERSON, EntryFacts.randomPerson()))).getModifiedCount();
        }
        // entries without facts (written by an older version during a rolling update): the migration gives them a key
        return n + enrollments.updateMany(eq(HOUSEHOLD_ID, householdId), forget).getModifiedCount();
    }
}
