package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.PaymentState;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code enrollments} collection. Status changes are single guarded updates ({@code status} must still be what
 * the caller saw), so two requests (or a request and a job) never both move the same entry; each is a named
 * transition ({@link #markOffered}, {@link #markAccepted}, {@link #markEnded}, …), so no service builds an update.
 *
 * <p>It owns the collection's field names (the constants below; {@link EnrollmentDocument} carries the same names)
 * and its indexes. The lists read from the collection are in {@link EnrollmentLists}, on the same names.
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
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

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

    /**
     * Moves an open offer's deadline (a closure moved it out of its days, decision 0043): only while the entry is
     * still OFFERED with the deadline {@code expected}, so a rerun or an offer answered meanwhile changes nothing.
     */
    public boolean moveOfferDeadline(String id, Instant expected, Instant newDeadline) {
        return enrollments.updateOne(and(eq("_id", id), eq(STATUS, EnrollmentStatus.OFFERED.name()),
                eq(OFFER_EXPIRES_AT, expected)), set(OFFER_EXPIRES_AT, newDeadline)).getModifiedCount() == 1;
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

    // ---- named transitions: each is one guarded update (the status must still be what the caller saw) ----------

    /** WAITLISTED → OFFERED: a held seat waits for the person's answer until {@code deadline}. */
    public Optional<EnrollmentDocument> markOffered(String id, Instant now, Instant deadline, HistoryItem item) {
        return transition(id, EnrollmentStatus.WAITLISTED, null,
                combine(set(STATUS, EnrollmentStatus.OFFERED.name()), set(OFFERED_AT, now), set(OFFER_EXPIRES_AT, deadline)),
                item);
    }

    /**
     * OFFERED → ENROLLED while the offer still runs at {@code now}, charging {@code fee}; the reporting facts'
     * reduction category follows the fee charged ({@code withFacts}: the entry has facts; one without is left to
     * {@link ParticipationFactsMigration}, which never meets a half-written {@code facts}).
     */
    public Optional<EnrollmentDocument> markAccepted(String id, Instant now, Fee fee, boolean withFacts,
                                                     HistoryItem item) {
        Bson change = combine(set(STATUS, EnrollmentStatus.ENROLLED.name()), set(ENROLLED_AT, now),
                unset(OFFER_EXPIRES_AT), set(BASE_FEE, fee.base()), set(REDUCTION_CODE, fee.reductionCode()),
                set(REDUCTION_NAME_KO, fee.reductionNameKo()), set(REDUCTION_NAME_EN, fee.reductionNameEn()),
                set(REDUCTION_PERCENT, fee.reductionPercent()), set(AMOUNT, fee.amount()),
                set(PAYMENT, (fee.amount() == 0 ? PaymentState.WAIVED : PaymentState.UNPAID).name()));
        return transition(id, EnrollmentStatus.OFFERED, gt(OFFER_EXPIRES_AT, now),
                withFacts ? combine(change, set(FACTS_REDUCTION, fee.reductionCode())) : change, item);
    }

    /** What else must still hold for an ending: nothing, the offer has run out by then, or it is still unpaid. */
    public enum EndGuard { NONE, OFFER_RAN_OUT, STILL_UNPAID }

    /**
     * An entry that holds a seat ends ({@code from} → {@code to}): it is no longer active, and its seat and mail are
     * pending ({@code seatReleasePending}) until the ending is finished. A paid enrolment records its {@code refund}
     * (null: nothing was paid, nothing to give back).
     */
    public Optional<EnrollmentDocument> markEnded(String id, EnrollmentStatus from, EnrollmentStatus to, Instant now,
                                                  String reasonKey, RefundDocument refund, EndGuard guard,
                                                  HistoryItem item) {
        Bson change = combine(set(STATUS, to.name()), set(ENDED_AT, now), set(END_REASON, reasonKey), unset(ACTIVE_KEY),
                unset(OFFER_EXPIRES_AT), set(SEAT_RELEASE_PENDING, true));
        if (refund != null) {
            change = combine(change, set(REFUND_AMOUNT, refund.amount()), set(PAYMENT, PaymentState.REFUNDED.name()),
                    set(REFUND, refund));
        }
        Bson extra = switch (guard) {
            case NONE -> null;
            case OFFER_RAN_OUT -> lte(OFFER_EXPIRES_AT, now);
            case STILL_UNPAID -> eq(PAYMENT, PaymentState.UNPAID.name());
        };
        return transition(id, from, extra, change, item);
    }

    /** WAITLISTED → LEFT. */
    public Optional<EnrollmentDocument> markLeft(String id, Instant now, HistoryItem item) {
        return transition(id, EnrollmentStatus.WAITLISTED, null,
                combine(set(STATUS, EnrollmentStatus.LEFT.name()), set(ENDED_AT, now), unset(ACTIVE_KEY)), item);
    }

    /** A waiting entry gets a new place in line ({@code rank}). */
    public Optional<EnrollmentDocument> markMoved(String id, double rank, HistoryItem item) {
        return transition(id, EnrollmentStatus.WAITLISTED, null, set(RANK, rank), item);
    }

    /** An unpaid enrolment is paid (or its fee waived) at the desk. */
    public Optional<EnrollmentDocument> markPaid(String id, PaymentState state, HistoryItem item) {
        return transition(id, EnrollmentStatus.ENROLLED, eq(PAYMENT, PaymentState.UNPAID.name()), set(PAYMENT, state.name()),
                item);
    }

    /** Staff paid out the refund an ending recorded (once). */
    public Optional<EnrollmentDocument> markRefundPaidOut(String id, Instant now, HistoryItem item) {
        return Optional.ofNullable(enrollments.findOneAndUpdate(and(eq("_id", id), eq(PAYMENT, PaymentState.REFUNDED.name()),
                        gt(REFUND_AMOUNT, 0), eq(REFUND_PAID_OUT_AT, null)),
                combine(set(REFUND_PAID_OUT_AT, now), push(HISTORY, item)), AFTER));
    }

    private Optional<EnrollmentDocument> transition(String id, EnrollmentStatus from, Bson guard, Bson change,
                                                    HistoryItem item) {
        Bson filter = guard == null ? and(eq("_id", id), eq(STATUS, from.name())) : and(eq("_id", id), eq(STATUS, from.name()), guard);
        return Optional.ofNullable(enrollments.findOneAndUpdate(filter, combine(change, push(HISTORY, item)), AFTER));
    }

    public void clearSeatReleasePending(String id) {
        enrollments.updateOne(eq("_id", id), unset(SEAT_RELEASE_PENDING));
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
