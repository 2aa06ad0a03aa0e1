package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
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
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.HistoryItem;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code enrollments} collection. Status changes are single guarded updates ({@code status} must still be what
 * the caller saw), so two requests (or a request and a job) never both move the same entry.
 */
@Repository
public class EnrollmentRepository {

    public static final String COLLECTION = "enrollments";
    /** The most entries one list query reads. */
    public static final int MAX_LIST = 5_000;
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<EnrollmentDocument> enrollments;

    EnrollmentRepository(MongoDatabase database) {
        this.enrollments = database.getCollection(COLLECTION, EnrollmentDocument.class);
        enrollments.createIndex(Indexes.ascending("activeKey"), new IndexOptions().name("active").unique(true).sparse(true));
        enrollments.createIndex(Indexes.ascending("idemKey"), new IndexOptions().name("idem").unique(true).sparse(true));
        enrollments.createIndex(Indexes.ascending("offeringId", "status", "rank", "ticket"), new IndexOptions().name("offering"));
        enrollments.createIndex(Indexes.ascending("householdId", "createdAt"), new IndexOptions().name("household"));
        enrollments.createIndex(Indexes.ascending("participantId", "termId"), new IndexOptions().name("participant"));
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
        return Optional.ofNullable(enrollments.find(eq("idemKey", idemKey)).first());
    }

    public Optional<EnrollmentDocument> findActive(String offeringId, String participantId) {
        return Optional.ofNullable(enrollments.find(eq("activeKey", activeKey(offeringId, participantId))).first());
    }

    /**
     * In one read: the entry first made with this idempotency key ({@code idemKey} may be null: none), and the
     * participant's active entry in the offering (both unique keys, so at most two documents).
     */
    public Lookup findReplayOrActive(String idemKey, String offeringId, String participantId) {
        String active = activeKey(offeringId, participantId);
        Bson filter = idemKey == null ? eq("activeKey", active)
                : com.mongodb.client.model.Filters.or(eq("idemKey", idemKey), eq("activeKey", active));
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

    /**
     * Moves the entry from {@code from} to the state {@code change} describes, recording {@code item}; empty when
     * its status is no longer {@code from}.
     */
    public Optional<EnrollmentDocument> transition(String id, EnrollmentStatus from, Bson change, HistoryItem item) {
        return Optional.ofNullable(enrollments.findOneAndUpdate(and(eq("_id", id), eq("status", from.name())),
                combine(change, push("history", item)), AFTER));
    }

    /** Like {@link #transition} with an extra guard. */
    public Optional<EnrollmentDocument> transition(String id, EnrollmentStatus from, Bson guard, Bson change,
                                                   HistoryItem item) {
        return Optional.ofNullable(enrollments.findOneAndUpdate(and(eq("_id", id), eq("status", from.name()), guard),
                combine(change, push("history", item)), AFTER));
    }

    public Optional<EnrollmentDocument> update(String id, Bson change) {
        return Optional.ofNullable(enrollments.findOneAndUpdate(eq("_id", id), change, AFTER));
    }

    /** Waiting entries of an offering in line order (rank, then ticket). */
    public List<EnrollmentDocument> waiting(String offeringId, int limit) {
        return enrollments.find(and(eq("offeringId", offeringId), eq("status", EnrollmentStatus.WAITLISTED.name())))
                .sort(Sorts.ascending("rank", "ticket")).limit(limit).into(new ArrayList<>());
    }

    /** How many wait ahead of an entry with this rank and ticket. */
    public long waitingAhead(String offeringId, double rank, long ticket) {
        return enrollments.countDocuments(and(eq("offeringId", offeringId), eq("status", EnrollmentStatus.WAITLISTED.name()),
                com.mongodb.client.model.Filters.or(lt("rank", rank), and(eq("rank", rank), lt("ticket", ticket)))));
    }

    public List<EnrollmentDocument> ofOffering(String offeringId, List<EnrollmentStatus> statuses, int limit) {
        return enrollments.find(and(eq("offeringId", offeringId), in("status", statuses.stream().map(Enum::name).toList())))
                .sort(Sorts.ascending("rank", "ticket", "createdAt")).limit(limit).into(new ArrayList<>());
    }

    public List<EnrollmentDocument> ofHousehold(String householdId, int limit) {
        return enrollments.find(eq("householdId", householdId)).sort(Sorts.descending("createdAt")).limit(limit)
                .into(new ArrayList<>());
    }

    /** A participant's active entries in a term, for caps and clash warnings. */
    public List<EnrollmentDocument> activeOfParticipant(String participantId, String termId) {
        return enrollments.find(and(eq("participantId", participantId), eq("termId", termId),
                in("status", List.of(EnrollmentStatus.ENROLLED.name(), EnrollmentStatus.WAITLISTED.name(),
                        EnrollmentStatus.OFFERED.name())))).limit(MAX_LIST).into(new ArrayList<>());
    }

    /** Entries whose seat still has to be given back (crash between the status change and the release). */
    public List<EnrollmentDocument> seatReleasePending(int limit) {
        return enrollments.find(eq("seatReleasePending", true)).limit(limit).into(new ArrayList<>());
    }

    public void clearSeatReleasePending(String id) {
        enrollments.updateOne(eq("_id", id), unset("seatReleasePending"));
    }

    /** Forget names and notes of a deleted account's participants; statuses and fees stay for statistics. */
    public long anonymise(String householdId) {
        return enrollments.updateMany(eq("householdId", householdId), combine(set("participantName", null),
                set("householdId", "deleted"), set("participantId", "deleted"), unset("activeKey"), unset("idemKey"),
                set("history", List.of()))).getModifiedCount();
    }

    public long count(Bson filter) {
        return enrollments.countDocuments(filter);
    }
}
