package org.baeum.capacity.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.capacity.Counters;
import org.baeum.capacity.Holdings;
import org.baeum.capacity.ResourceKey;
import org.baeum.capacity.ResourceKind;
import org.baeum.capacity.Storage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Every change of a resource's counters, each one guarded update of one document (decisions 0015, 0023), for any
 * {@link ResourceKind}: the kind's {@link Storage} names the collection and fields. A taken unit names its holder
 * ({@code {id, at, ok}}), so taking is refused to a holder that has one and giving back happens exactly once.
 * The mode turns from {@link Storage#FIRST_COME} to {@link Storage#WAITLIST_DECIDES} the first time someone waits.
 */
@Repository
public class LedgerRepository {

    private final MongoDatabase database;
    private final ConcurrentMap<String, StoredKind> kinds = new ConcurrentHashMap<>();

    LedgerRepository(MongoDatabase database) {
        this.database = database;
        var own = database.getCollection(Storage.LEDGER_COLLECTION);
        Storage.Fields f = Storage.Fields.STANDARD;
        own.createIndex(Indexes.ascending(StoredKind.KIND, f.holders() + "." + StoredKind.HOLDER_OK),
                new IndexOptions().name("unconfirmed_holders"));
        own.createIndex(Indexes.ascending(StoredKind.KIND, f.mode(), f.left()), new IndexOptions().name("free_while_waiting"));
    }

    /** The kind made ready; a second, different description under a name already in use is refused. */
    StoredKind stored(ResourceKind kind) {
        StoredKind stored = kinds.computeIfAbsent(kind.name(),
                n -> new StoredKind(kind, database.getCollection(kind.storage().collection())));
        if (stored.kind != kind && !stored.kind.equals(kind)) {
            throw new IllegalArgumentException("resource kind '" + kind.name() + "' is already described otherwise");
        }
        return stored;
    }

    /** Creates the resource with {@code capacity} free units on first use; later calls change nothing. */
    public Counters define(ResourceKey key, int capacity) {
        StoredKind k = stored(key.kind());
        if (!k.own()) {
            throw new IllegalArgumentException("'" + k.kind.name() + "' is kept on documents its owner creates");
        }
        Storage.Fields f = k.f;
        Document onInsert = new Document(StoredKind.KIND, k.kind.name()).append(StoredKind.RESOURCE, key.id())
                .append(f.capacity(), capacity).append(f.taken(), 0).append(f.left(), capacity)
                .append(f.holders(), List.of()).append(f.waitlistSeq(), 0L).append(f.waitlistLength(), 0)
                .append(f.mode(), Storage.FIRST_COME);
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true)
                .returnDocument(ReturnDocument.AFTER).projection(k.countersOnly);
        try {
            return k.counters(k.collection.findOneAndUpdate(k.byId(key), new Document("$setOnInsert", onInsert), upsert));
        } catch (RuntimeException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            return counters(key).orElseThrow(() -> e); // another first use won the insert
        }
    }

    /** First come: a free unit for {@code holder}, while open and in first-come mode. Empty when not possible. */
    public Optional<Counters> claim(ResourceKey key, String holder, Instant now) {
        StoredKind k = stored(key.kind());
        return after(k, StoredKind.all(k.byId(key), k.open(now), ne(k.f.mode(), Storage.WAITLIST_DECIDES),
                gt(k.f.left(), 0), ne(k.holderId(), holder)), take(k, List.of(holder), now));
    }

    /** First come for several: one free unit each, all or none, none of them a holder yet. Empty when not possible. */
    public Optional<Counters> claimAll(ResourceKey key, List<String> holders, Instant now) {
        if (holders.size() == 1) {
            return claim(key, holders.getFirst(), now);
        }
        StoredKind k = stored(key.kind());
        return after(k, StoredKind.all(k.byId(key), k.open(now), ne(k.f.mode(), Storage.WAITLIST_DECIDES),
                gte(k.f.left(), holders.size()), nin(k.holderId(), holders)), take(k, holders, now));
    }

    /**
     * {@code count} waitlist tickets at once while open, when no unit is free or the waitlist already decides: tickets
     * {@code waitlistSeq - count + 1 .. waitlistSeq} of the result, in order. Empty when not possible.
     */
    public Optional<Counters> join(ResourceKey key, int count, Instant now) {
        StoredKind k = stored(key.kind());
        return after(k, StoredKind.all(k.byId(key), k.open(now),
                        or(lte(k.f.left(), 0), eq(k.f.mode(), Storage.WAITLIST_DECIDES))),
                new Document("$inc", new Document(k.f.waitlistSeq(), (long) count).append(k.f.waitlistLength(), count))
                        .append("$set", new Document(k.f.mode(), Storage.WAITLIST_DECIDES)));
    }

    /**
     * {@code count} waitlist tickets at once while available, whatever the window: for those a draw did not seat, who
     * wait in draw order after the lottery closed (decision 0029). The waitlist decides from then on.
     */
    public Optional<Counters> queue(ResourceKey key, int count) {
        StoredKind k = stored(key.kind());
        return after(k, StoredKind.all(k.byId(key), k.available()),
                new Document("$inc", new Document(k.f.waitlistSeq(), (long) count).append(k.f.waitlistLength(), count))
                        .append("$set", new Document(k.f.mode(), Storage.WAITLIST_DECIDES)));
    }

    /** Holds a free unit for {@code holder} (an offer to someone waiting): available, a unit free, not yet theirs. */
    public Optional<Counters> hold(ResourceKey key, String holder, Instant now) {
        StoredKind k = stored(key.kind());
        return after(k, StoredKind.all(k.byId(key), k.available(), gt(k.f.left(), 0), ne(k.holderId(), holder)),
                take(k, List.of(holder), now));
    }

    /** Gives back the unit {@code holder} holds; exactly once, however often it is called. */
    public Optional<Counters> release(ResourceKey key, String holder) {
        StoredKind k = stored(key.kind());
        return after(k, and(k.byId(key), eq(k.holderId(), holder)),
                new Document("$pull", new Document(k.f.holders(), new Document(StoredKind.HOLDER_ID, holder)))
                        .append("$inc", new Document(k.f.taken(), -1).append(k.f.left(), 1)));
    }

    /** Marks {@code holder} as checked by a recovery sweep; false when it holds nothing here. */
    public boolean confirm(ResourceKey key, String holder) {
        StoredKind k = stored(key.kind());
        return k.collection.updateOne(and(k.byId(key), eq(k.holderId(), holder)),
                new Document("$set", new Document(k.f.holders() + ".$." + StoredKind.HOLDER_OK, true))).getMatchedCount() == 1;
    }

    /** {@code by} people stopped waiting; display counter only, never below zero. */
    public void waitlistShrank(ResourceKey key, int by) {
        StoredKind k = stored(key.kind());
        k.collection.updateOne(and(k.byId(key), gte(k.f.waitlistLength(), by)),
                new Document("$inc", new Document(k.f.waitlistLength(), -by)));
    }

    /** Changes the capacity by {@code delta} if it is still {@code expected} and the new one is not below the taken. */
    public boolean changeCapacity(ResourceKey key, int expected, int delta) {
        StoredKind k = stored(key.kind());
        return k.collection.updateOne(and(k.byId(key), eq(k.f.capacity(), expected), gte(k.f.left(), -delta)),
                new Document("$inc", new Document(k.f.capacity(), delta).append(k.f.left(), delta))).getModifiedCount() == 1;
    }

    public Optional<Counters> counters(ResourceKey key) {
        StoredKind k = stored(key.kind());
        return Optional.ofNullable(k.collection.find(k.byId(key)).projection(k.countersOnly).first()).map(k::counters);
    }

    public Optional<Holdings> holdings(ResourceKey key) {
        StoredKind k = stored(key.kind());
        return Optional.ofNullable(k.collection.find(k.byId(key)).projection(k.everything).first()).map(k::holdings);
    }

    /** Resources of the kind with holders no sweep has confirmed, or with free units while the waitlist decides. */
    public List<ResourceKey> needingAttention(ResourceKind kind, int limit) {
        StoredKind k = stored(kind);
        Bson filter = StoredKind.all(k.scope(), or(eq(k.holderOk(), false),
                StoredKind.all(eq(k.f.mode(), Storage.WAITLIST_DECIDES), gt(k.f.left(), 0), k.available())));
        List<String> fields = k.own() ? List.of(StoredKind.RESOURCE) : List.of(StoredKind.ID);
        return k.collection.find(filter).projection(Projections.include(fields)).limit(limit)
                .map(k::key).into(new ArrayList<>());
    }

    private static Optional<Counters> after(StoredKind k, Bson guard, Document update) {
        return Optional.ofNullable(k.collection.findOneAndUpdate(guard, update, k.after)).map(k::counters);
    }

    private static Document take(StoredKind k, List<String> holders, Instant now) {
        Date at = Date.from(now);
        List<Document> taken = holders.stream().map(h -> new Document(StoredKind.HOLDER_ID, h)
                .append(StoredKind.HOLDER_AT, at).append(StoredKind.HOLDER_OK, false)).toList();
        Document push = holders.size() == 1 ? new Document(k.f.holders(), taken.getFirst())
                : new Document(k.f.holders(), new Document("$each", taken));
        return new Document("$inc", new Document(k.f.taken(), holders.size()).append(k.f.left(), -holders.size()))
                .append("$push", push);
    }
}
