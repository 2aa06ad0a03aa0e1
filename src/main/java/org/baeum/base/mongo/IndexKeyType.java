package org.baeum.base.mongo;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
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
 *
 * <h2>How keys are written</h2>
 * A key whose values are all strings, integers, longs, doubles, booleans, null or missing is written in a compact form
 * of its own: tag byte {@value #TAG_KEY} (a tag that {@link ObjectDataType} never writes), the number of values, and
 * each value as a type byte and its data (strings as H2 writes them). H2 would write it with Java serialisation, a new
 * {@code ObjectOutputStream} and class descriptors for every key of every page at every commit: in the rush that was
 * a sixth of all the portal's CPU (JFR, docs/performance.md). Reading gives back an equal key, whose Java bytes (and
 * so its place in the order) are the same. Any other key, and every key with another tag, is H2's own code, so files
 * of the stock backend are read as they are and their pages take the compact form as they change (decision 0016).
 */
final class IndexKeyType extends ObjectDataType {

    /** Keys (by identity) and their serialised bytes; a slot holds the last key that hashed to it. */
    private static final int SLOTS = 1024;

    private record Cached(KeyValue key, byte[] bytes) {
    }

    private final Cached[] cache = new Cached[SLOTS];

    /** Unused by {@link ObjectDataType} (its tags are 0-19, 32-49 and 64-119); 120 is {@link DocumentValueType}'s. */
    static final int TAG_KEY = 121;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;
    private static final byte MISSING = 7;

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof KeyValue key && compact(key)) {
            int memory = 40;
            for (Object value : key) {
                memory += value instanceof String text ? 48 + 2 * text.length() : 24;
            }
            return memory;
        }
        return super.getMemory(obj);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof KeyValue key) || !compact(key)) {
            super.write(buff, obj);
            return;
        }
        buff.put((byte) TAG_KEY).putVarInt(key.size());
        for (Object value : key) {
            switch (value) {
                case null -> buff.put(NULL);
                case String text -> buff.put(STRING).putVarInt(text.length()).putStringData(text, text.length());
                case Integer i -> buff.put(INT).putVarInt(i);
                case Long l -> buff.put(LONG).putVarLong(l);
                case Double d -> buff.put(DOUBLE).putLong(Double.doubleToRawLongBits(d));
                case Boolean b -> buff.put(b ? TRUE : FALSE);
                default -> buff.put(MISSING); // compact(key) let nothing else through
            }
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG_KEY) {
            return super.read(buff);
        }
        buff.get();
        Object[] values = new Object[DataUtils.readVarInt(buff)];
        for (int i = 0; i < values.length; i++) {
            byte type = buff.get();
            values[i] = switch (type) {
                case NULL -> null;
                case STRING -> DataUtils.readString(buff);
                case INT -> DataUtils.readVarInt(buff);
                case LONG -> DataUtils.readVarLong(buff);
                case DOUBLE -> Double.longBitsToDouble(buff.getLong());
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case MISSING -> Missing.getInstance();
                default -> throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT,
                        "Unknown index key value type {0}", type);
            };
        }
        return new KeyValue(values);
    }

    /** Keys of values the compact form writes exactly (so reading gives back an equal key). */
    static boolean compact(KeyValue key) {
        for (Object value : key) {
            if (!(value == null || value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof Double || value instanceof Boolean || value instanceof Missing)) {
                return false;
            }
        }
        return true;
    }

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
