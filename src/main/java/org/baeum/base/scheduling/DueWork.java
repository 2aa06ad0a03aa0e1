package org.baeum.base.scheduling;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Durable work in a Mongo collection (the "due work" pattern, decision 0014). Each document carries
 * {@code status}, {@code dueAt}, {@code attempts}, {@code owner}, {@code leaseUntil}, {@code lastError} and
 * {@code doneAt} beside its own fields. A worker claims one due item with a single {@code findOneAndUpdate}
 * (pending and due, or claimed by someone whose lease has run out), does the work and completes it; only the owner
 * of a live claim can complete, retry or fail it. So two workers (threads or portal instances) never hold the same
 * item, and a worker that dies leaves a lease that runs out, after which the item is claimed again.
 * <p>
 * The lease must be comfortably longer than one item's work: an item whose lease runs out while its worker is still
 * busy may be done twice (for mail, the stable Message-ID lets mail systems drop the second copy).
 *
 * @param <T> the collection's document type
 */
public final class DueWork<T> {

    public enum Status { PENDING, CLAIMED, DONE, FAILED }

    public static final String STATUS = "status";
    public static final String DUE_AT = "dueAt";
    public static final String ATTEMPTS = "attempts";
    public static final String OWNER = "owner";
    public static final String LEASE_UNTIL = "leaseUntil";
    public static final String LAST_ERROR = "lastError";
    public static final String DONE_AT = "doneAt";

    private final MongoCollection<T> collection;
    private final Clock clock;
    private final Duration lease;

    public DueWork(MongoCollection<T> collection, Clock clock, Duration lease) {
        this.collection = collection;
        this.clock = clock;
        this.lease = lease;
        collection.createIndex(Indexes.ascending(STATUS, DUE_AT));
        collection.createIndex(Indexes.ascending(STATUS, LEASE_UNTIL));
    }

    /** Claims the most overdue item for {@code owner}, if any is due now. */
    public Optional<T> claim(String owner) {
        Instant now = clock.instant();
        return Optional.ofNullable(collection.findOneAndUpdate(due(now), claimedFor(owner, now),
                new FindOneAndUpdateOptions().sort(Sorts.ascending(DUE_AT)).returnDocument(ReturnDocument.AFTER)));
    }

    /**
     * The ids of up to {@code max} items due now, most overdue first, without claiming them: a worker then claims
     * each with {@link #claim(Object, String)}, which fails for an item another worker took meanwhile. One query
     * for many items, where {@link #claim(String)} searches for each (on the embedded server, which has no
     * secondary indexes, every search reads the whole collection).
     */
    public List<Object> dueIds(int max) {
        List<Object> ids = new ArrayList<>(max);
        for (Document d : collection.withDocumentClass(Document.class).find(due(clock.instant()))
                .sort(Sorts.ascending(DUE_AT)).projection(Projections.include("_id")).limit(max)) {
            ids.add(d.get("_id"));
        }
        return ids;
    }

    /**
     * Claims the item {@code id} for {@code owner} if it is due now, in one {@code findOneAndUpdate} with the same
     * condition as {@link #claim(String)}; empty when it is not due (any more), e.g. another worker claimed it.
     */
    public Optional<T> claim(Object id, String owner) {
        Instant now = clock.instant();
        return Optional.ofNullable(collection.findOneAndUpdate(and(eq("_id", id), due(now)), claimedFor(owner, now),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** Pending and due, or claimed by someone whose lease has run out. */
    private static Bson due(Instant now) {
        return or(and(eq(STATUS, Status.PENDING.name()), lte(DUE_AT, now)),
                and(eq(STATUS, Status.CLAIMED.name()), lte(LEASE_UNTIL, now)));
    }

    private Bson claimedFor(String owner, Instant now) {
        return combine(set(STATUS, Status.CLAIMED.name()), set(OWNER, owner), set(LEASE_UNTIL, now.plus(lease)),
                inc(ATTEMPTS, 1));
    }

    /** Marks the owner's claimed item done; false when the claim was lost (lease ran out and another took it). */
    public boolean complete(Object id, String owner) {
        return collection.updateOne(claimedBy(id, owner), combine(set(STATUS, Status.DONE.name()),
                set(DONE_AT, clock.instant()), unset(LEASE_UNTIL), unset(LAST_ERROR))).getModifiedCount() == 1;
    }

    /** Gives the item back to be tried again at {@code nextDue}, remembering why this attempt failed. */
    public boolean retry(Object id, String owner, Instant nextDue, String error) {
        return collection.updateOne(claimedBy(id, owner), combine(set(STATUS, Status.PENDING.name()), set(DUE_AT, nextDue),
                unset(LEASE_UNTIL), set(LAST_ERROR, truncate(error)))).getModifiedCount() == 1;
    }

    /** Gives up on the item: it waits in FAILED for a person to look at it. */
    public boolean fail(Object id, String owner, String error) {
        return collection.updateOne(claimedBy(id, owner), combine(set(STATUS, Status.FAILED.name()), unset(LEASE_UNTIL),
                set(LAST_ERROR, truncate(error)))).getModifiedCount() == 1;
    }

    /** Puts a failed item back in line now, with a fresh count of attempts (staff's "send again"). */
    public boolean requeue(Object id) {
        return collection.updateOne(and(eq("_id", id), eq(STATUS, Status.FAILED.name())),
                combine(set(STATUS, Status.PENDING.name()), set(DUE_AT, clock.instant()), set(ATTEMPTS, 0)))
                .getModifiedCount() == 1;
    }

    public long count(Status status) {
        return collection.countDocuments(eq(STATUS, status.name()));
    }

    /** When the next pending item falls due, for one-shot triggers rebuilt at start-up. */
    public Optional<Instant> nextDue() {
        Document first = collection.withDocumentClass(Document.class).find(eq(STATUS, Status.PENDING.name()))
                .sort(Sorts.ascending(DUE_AT)).projection(Projections.include(DUE_AT)).limit(1).first();
        return Optional.ofNullable(first).map(d -> d.getDate(DUE_AT).toInstant());
    }

    /** The fields a new item starts with: pending, due at {@code dueAt}, no attempts yet. */
    public static Document pending(Instant dueAt) {
        return new Document(STATUS, Status.PENDING.name()).append(DUE_AT, dueAt).append(ATTEMPTS, 0);
    }

    private static Bson claimedBy(Object id, String owner) {
        return and(eq("_id", id), eq(STATUS, Status.CLAIMED.name()), eq(OWNER, owner));
    }

    private static String truncate(String error) {
        return error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
    }
}
