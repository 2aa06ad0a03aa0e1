package org.baeum.base.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;

/**
 * The {@code login_attempts} collection: counters of sign-in attempts in windows, one document per hashed key. An
 * attempt is counted by one guarded {@code findOneAndUpdate} before its password is checked, so simultaneous attempts
 * can never pass a limit; a success gives its count back. Only {@link LoginThrottle} uses it.
 */
final class LoginCounters {

    static final String COLLECTION = "login_attempts";

    /**
     * One counter.
     *
     * @param failures      attempts let through in the window and not given back (successes give theirs back)
     * @param until         end of the window; after it the next attempt starts a new one
     * @param level         back-off level: how many windows in a row were used up (account-wide counters only)
     * @param familiarUntil on an (account, address) counter: until when that address is familiar to the account
     * @param expiresAt     when the database may remove the document (TTL index)
     */
    public record Counter(@BsonId String id, Integer failures, Instant until, Integer level, Instant familiarUntil,
                   Instant expiresAt) {

        int count() {
            return failures == null ? 0 : failures;
        }

        boolean familiarAt(Instant now) {
            return familiarUntil != null && familiarUntil.isAfter(now);
        }
    }

    /** How long a counter's windows are. {@code backOff}: each window that was used up makes the next one longer. */
    record Windows(Duration length, Duration maxLength, boolean backOff) {

        static Windows fixed(Duration length) {
            return new Windows(length, length, false);
        }

        static Windows backingOff(Duration length, Duration maxLength) {
            return new Windows(length, maxLength, true);
        }

        Duration lengthAt(int level) {
            Duration d = length;
            for (int i = 0; i < level && d.compareTo(maxLength) < 0; i++) {
                d = d.multipliedBy(2);
            }
            return d.compareTo(maxLength) < 0 ? d : maxLength;
        }

        /** Back-off levels stop rising once the window has reached its maximum length. */
        int maxLevel() {
            int level = 0;
            while (backOff && lengthAt(level).compareTo(maxLength) < 0) {
                level++;
            }
            return level;
        }

        /** A counter that backs off is remembered for a maximum window after its own; others only for their window. */
        Instant expiry(Instant until) {
            return backOff ? until.plus(maxLength) : until;
        }
    }

    /** What counting an attempt gave: either the counter after it, or the end of a window that is used up. */
    record Taken(Counter counter, Instant refusedUntil) {

        boolean refused() {
            return refusedUntil != null;
        }
    }

    private static final int ROUNDS = 5;

    private final MongoCollection<Counter> counters;

    LoginCounters(MongoDatabase database) {
        this.counters = database.getCollection(COLLECTION, Counter.class);
        // a real MongoDB removes what is no longer needed; the embedded server ignores TTL
        counters.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /**
     * Counts one attempt under {@code key} unless {@code limit} attempts were already counted in the current window.
     * One round trip while a window is open; two or three when the counter is new, its window over, or it is full.
     */
    Taken take(String key, int limit, Windows windows, Instant now) {
        Instant firstUntil = now.plus(windows.lengthAt(0));
        for (int round = 0; round < ROUNDS; round++) {
            try {
                Counter counted = MongoErrors.translate(() -> counters.findOneAndUpdate(
                        and(eq("_id", key), gt("until", now), lt("failures", limit)),
                        combine(inc("failures", 1), setOnInsert("until", firstUntil), setOnInsert("level", 0),
                                setOnInsert("expiresAt", windows.expiry(firstUntil))),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
                return new Taken(counted, null);
            } catch (DuplicateKeyException notInAnOpenWindowWithRoom) {
                // the counter exists, but its window is over or it is full: look at it
            }
            Counter existing = counters.find(eq("_id", key)).first();
            if (existing == null) {
                continue; // removed meanwhile
            }
            if (existing.until() != null && existing.until().isAfter(now)) {
                if (existing.count() >= limit) {
                    return new Taken(existing, existing.until());
                }
                continue; // a success gave a count back meanwhile
            }
            Counter renewed = renew(existing, limit, windows, now);
            if (renewed != null) {
                return new Taken(renewed, null);
            }
        }
        // only under extreme contention on one key: refuse rather than let an attempt through uncounted
        return new Taken(null, now.plusSeconds(1));
    }

    /** Starts a new window with this attempt, unless another attempt did so first (then null). */
    private Counter renew(Counter old, int limit, Windows windows, Instant now) {
        int oldLevel = old.level() == null ? 0 : old.level();
        int level = windows.backOff() && old.count() >= limit ? Math.min(oldLevel + 1, windows.maxLevel()) : 0;
        Instant until = now.plus(windows.lengthAt(level));
        return counters.findOneAndUpdate(and(eq("_id", old.id()), eq("until", old.until())),
                combine(set("failures", 1), set("until", until), set("level", level), max("expiresAt", windows.expiry(until))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Gives one count back to each of these counters (a success, or an attempt refused by a later limit). */
    void giveBack(List<String> keys) {
        write(keys.stream().map(LoginCounters::giveBackOne).toList());
    }

    static WriteModel<Counter> giveBackOne(String key) {
        return new UpdateOneModel<>(and(eq("_id", key), gt("failures", 0)), inc("failures", -1));
    }

    /** Clears an (account, address) counter after a success there, and marks the address familiar until then. */
    static WriteModel<Counter> clearAndRemember(String key, Instant familiarUntil) {
        Bson update = combine(set("failures", 0), set("familiarUntil", familiarUntil), max("expiresAt", familiarUntil));
        return new UpdateOneModel<>(eq("_id", key), update, new UpdateOptions().upsert(true));
    }

    /** Clears a counter after a success, without remembering anything. */
    static WriteModel<Counter> clear(String key) {
        return new UpdateOneModel<>(eq("_id", key), set("failures", 0));
    }

    /** These writes in one round trip. */
    void write(List<WriteModel<Counter>> writes) {
        if (!writes.isEmpty()) {
            counters.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    void delete(String key) {
        counters.deleteOne(eq("_id", key));
    }
}
