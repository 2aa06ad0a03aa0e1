package org.baeum.base.mongo;

import java.time.Instant;
import java.util.UUID;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The key type of the embedded server's unique-index maps ({@code _id}, and every unique index): H2's
 * {@link ObjectDataType} with the same order and the same bytes on disk, but faster comparisons.
 *
 * <h2>Why</h2>
 * mongo-java-server keys a unique index by {@link KeyValue}, which is not {@link Comparable}. H2 orders such keys by
 * serialising both with Java serialisation and comparing the bytes, on every step of every binary search: each
 * lookup or insert through a unique index serialised the searched key and the page's keys some 20 to 40 times. In the
 * enrolment rush those serialisations took about a tenth of all the CPU of the portal (JFR, docs/performance.md,
 * "Enrolment rush"): every enrolment looks several documents up by {@code _id} and checks three unique keys when it
 * inserts its entry.
 *
 * <h2>What changes</h2>
 * Only {@link #compare}: when both keys are {@link KeyValue}s, their serialised bytes are compared exactly as H2 does
 * ({@link ObjectDataType#serialize}, then {@link ObjectDataType#compareNotNull}), but the bytes of a key are kept in a
 * small cache and reused while the same key object is compared again (the searched key during one lookup, the keys
 * of pages that stay in H2's page cache across lookups). A key is cached only when its values are never changed
 * (strings, integers, longs, doubles, booleans, instants, object ids, UUIDs, null or missing); any other key is
 * serialised at every comparison, as before.
 * Everything else (how keys are written to and read from the file, other key types) is H2's own code, so files stay
 * interchangeable with the stock backend and the order of every index is the same.
 */
final class IndexKeyType extends ObjectDataType {

    /** Keys (by identity) and their serialised bytes; a slot holds the last key that hashed to it. */
    private static final int SLOTS = 1024;

    private record Cached(KeyValue key, byte[] bytes) {
    }

    private final Cached[] cache = new Cached[SLOTS];

    @Override
    public int compare(Object a, Object b) {
        if (a != b && a instanceof KeyValue x && b instanceof KeyValue y) {
            // what ObjectDataType does for two objects of a class it does not know that are not Comparable
            return compareNotNull(bytes(x), bytes(y));
        }
        return super.compare(a, b);
    }

    private byte[] bytes(KeyValue key) {
        if (!immutable(key)) {
            return serialize(key);
        }
        int slot = System.identityHashCode(key) & (SLOTS - 1);
        Cached cached = cache[slot];
        if (cached != null && cached.key() == key) {
            return cached.bytes();
        }
        byte[] bytes = serialize(key);
        // a racy write of an immutable record: another thread sees the old entry, this one or nothing, never a mix
        cache[slot] = new Cached(key, bytes);
        return bytes;
    }

    /** Values that no code changes after the key is made, so the key's bytes stay what they were. */
    private static boolean immutable(KeyValue key) {
        for (Object value : key) {
            if (!(value == null || value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof Double || value instanceof Boolean || value instanceof Instant
                    || value instanceof ObjectId || value instanceof Missing || value instanceof UUID)) {
                return false;
            }
        }
        return true;
    }
}
