package org.baeum.capacity.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.baeum.capacity.Counters;
import org.baeum.capacity.Holder;
import org.baeum.capacity.Holdings;
import org.baeum.capacity.ResourceKey;
import org.baeum.capacity.ResourceKind;
import org.baeum.capacity.Storage;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One {@link ResourceKind} made ready for Mongo: its collection, the filters its {@link Storage} describes, the
 * projections, and the mapping of a stored document to {@link Counters} and {@link Holdings}. Built once per kind.
 * <p>
 * In the ledger's own collection a resource is stored as {@code {_id: "<kind>:<id>", kind, resource: <id>, ...}}, so
 * kinds never collide; a hosted resource is the host document itself ({@code _id} = the resource id).
 */
final class StoredKind {

    static final String KIND = "kind";
    static final String RESOURCE = "resource";
    static final String ID = "_id";
    static final String HOLDER_ID = "id";
    static final String HOLDER_AT = "at";
    static final String HOLDER_OK = "ok";

    final ResourceKind kind;
    final Storage.Fields f;
    final MongoCollection<Document> collection;
    final FindOneAndUpdateOptions after;
    final Bson countersOnly;
    final Bson everything;
    private final Storage.Guard guard;
    private final boolean own;

    StoredKind(ResourceKind kind, MongoCollection<Document> collection) {
        this.kind = kind;
        this.f = kind.storage().fields();
        this.guard = kind.storage().guard();
        this.own = kind.storage().own();
        this.collection = collection;
        List<String> counters = List.of(f.capacity(), f.taken(), f.left(), f.waitlistLength(), f.waitlistSeq(), f.mode());
        this.countersOnly = Projections.include(counters);
        List<String> all = new ArrayList<>(counters);
        all.add(f.holders());
        if (guard.field() != null) {
            all.add(guard.field());
        }
        if (own) {
            all.add(RESOURCE);
        }
        this.everything = Projections.include(all);
        this.after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(countersOnly);
    }

    boolean own() {
        return own;
    }

    String storedId(String resourceId) {
        return own ? kind.name() + ":" + resourceId : resourceId;
    }

    Bson byId(ResourceKey key) {
        return eq(ID, storedId(key.id()));
    }

    /** The kind's availability guard (e.g. published), or null when it has none. */
    Bson available() {
        return guard.field() == null ? null : eq(guard.field(), guard.value());
    }

    /** Available and, when the kind has a window, within it at {@code now}: the guard of first come and tickets. */
    Bson open(Instant now) {
        List<Bson> parts = new ArrayList<>(3);
        if (guard.field() != null) {
            parts.add(available());
        }
        if (guard.phases() != null) {
            parts.add(com.mongodb.client.model.Filters.elemMatch(guard.phases().array(), and(
                    eq(guard.phases().methodField(), guard.phases().method()), lte(guard.opensAt(), now),
                    gt(guard.closesAt(), now))));
        } else if (guard.opensAt() != null) {
            parts.add(lte(guard.opensAt(), now));
            parts.add(gt(guard.closesAt(), now));
        }
        return parts.isEmpty() ? null : and(parts);
    }

    /** Restricts a query of the ledger's own collection to this kind; null for a hosted kind. */
    Bson scope() {
        return own ? eq(KIND, kind.name()) : null;
    }

    /** {@code and} of the parts that are not null. */
    static Bson all(Bson... parts) {
        List<Bson> present = new ArrayList<>(parts.length);
        for (Bson p : parts) {
            if (p != null) {
                present.add(p);
            }
        }
        return present.size() == 1 ? present.getFirst() : and(present);
    }

    String holderId() {
        return f.holders() + "." + HOLDER_ID;
    }

    String holderOk() {
        return f.holders() + "." + HOLDER_OK;
    }

    Counters counters(Document d) {
        return new Counters(d.getInteger(f.capacity(), 0), d.getInteger(f.taken(), 0), d.getInteger(f.left(), 0),
                d.getInteger(f.waitlistLength(), 0), number(d.get(f.waitlistSeq())),
                Storage.WAITLIST_DECIDES.equals(d.getString(f.mode())));
    }

    Holdings holdings(Document d) {
        List<Holder> holders = d.getList(f.holders(), Document.class, List.of()).stream()
                .map(h -> new Holder(h.getString(HOLDER_ID), h.getDate(HOLDER_AT).toInstant(),
                        Boolean.TRUE.equals(h.getBoolean(HOLDER_OK))))
                .toList();
        boolean available = guard.field() == null || guard.value().equals(d.get(guard.field()));
        return new Holdings(key(d), counters(d), holders, available);
    }

    ResourceKey key(Document d) {
        return ResourceKey.of(kind, own ? d.getString(RESOURCE) : d.getString(ID));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
