package org.baeum.base.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.inc;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Counts events per key in fixed windows (aligned to the epoch: a window of one hour runs from 10:00 to 11:00), in
 * the database so that every portal instance sees the same counts, and refuses an event once a key has its maximum in
 * the current window. One document per key and window; an event is counted by one guarded update ({@code count < max}
 * then {@code $inc}), or by inserting the window's first document, so two requests at once can never both take the
 * last place (the unique {@code _id} decides between two first events). The guard, not a value read back, decides:
 * that is exact on a real MongoDB and on the embedded server alike. Keys are stored as SHA-256 hashes: the collection
 * holds no email or client addresses. A TTL index removes the documents of ended windows on a real MongoDB; the
 * embedded server ignores TTL, so a key's first event in a new window removes its ended ones.
 * <p>
 * Generic on purpose (sign-ups use it today); sign-in throttling can move onto it.
 */
public final class WindowedCounter {

    /** One key's window; {@code id} is {@code <hashed key>@<window number>}. */
    public record Window(@BsonId String id, String key, int count, Instant endsAt) {
    }

    /** Whether an event was counted (false: the key had its maximum already), and when the window ends. */
    public record Attempt(boolean counted, Instant windowEndsAt) {

        /** Whole seconds (rounded up) until the window ends, at least 1 (for {@code Retry-After}). */
        public long secondsLeft(Instant now) {
            return secondsUntil(now, windowEndsAt);
        }
    }

    private static final int TRIES = 3;

    private final MongoCollection<Window> windows;
    private final long windowMillis;
    private final Clock clock;

    /**
     * @param collection one collection per use (e.g. {@code signup_attempts}); its indexes are created here
     * @param window     the length of a window, at least a second
     */
    public WindowedCounter(MongoDatabase database, String collection, Duration window, Clock clock) {
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("A counting window must be at least a second: " + window);
        }
        this.windows = database.getCollection(collection, Window.class);
        this.windowMillis = window.toMillis();
        this.clock = Objects.requireNonNull(clock);
        windows.createIndex(Indexes.ascending("endsAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        windows.createIndex(Indexes.ascending("key"));
    }

    /** Whole seconds (rounded up) from {@code now} until {@code until}, at least 1. */
    public static long secondsUntil(Instant now, Instant until) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, Math.ceilDiv(millis, 1000L));
    }

    /** The key as stored: the kind in clear (e.g. {@code email}), the value hashed. */
    public static String key(String kind, String value) {
        return kind + ":" + Sha256.hex(value);
    }

    /**
     * Counts one event for {@code key} (made by {@link #key}) in the current window, unless {@code max} events were
     * counted there already; a refused event is not counted.
     */
    public Attempt tryCount(String key, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        Instant now = clock.instant();
        long number = Math.floorDiv(now.toEpochMilli(), windowMillis);
        Instant endsAt = Instant.ofEpochMilli((number + 1) * windowMillis);
        String id = key + "@" + number;
        for (int attempt = 0; attempt < TRIES; attempt++) {
            if (windows.updateOne(and(eq("_id", id), lt("count", max)), inc("count", 1)).getMatchedCount() == 1) {
                return new Attempt(true, endsAt);
            }
            try {
                MongoErrors.translate(() -> windows.insertOne(new Window(id, key, 1, endsAt)));
                windows.deleteMany(and(eq("key", key), lt("endsAt", now)));
                return new Attempt(true, endsAt);
            } catch (DuplicateKeyException exists) {
                // the window's document exists: either it is full, or another first event made it a moment ago
            }
        }
        return new Attempt(false, endsAt);
    }

    /** The events counted for {@code key} in the current window. */
    public int count(String key) {
        long number = Math.floorDiv(clock.instant().toEpochMilli(), windowMillis);
        Window w = windows.find(eq("_id", key + "@" + number)).first();
        return w == null ? 0 : w.count();
    }
}
