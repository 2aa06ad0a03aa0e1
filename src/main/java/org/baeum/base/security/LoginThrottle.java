package org.baeum.base.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and per client address in fixed windows, in the database so that
 * every portal instance sees the same counts. Keys are hashed: the collection holds no user names or
 * addresses. A user name that does not exist is counted like one that does, so refusals reveal nothing.
 */
@Component
public class LoginThrottle {

    static final String COLLECTION = "login_attempts";

    public record Attempts(@BsonId String id, int failures, Instant windowStart) {
    }

    private final MongoCollection<Attempts> attempts;
    private final SecuritySettings.Login settings;
    private final Clock clock;

    LoginThrottle(MongoDatabase database, SecuritySettings settings, Clock clock) {
        this.attempts = database.getCollection(COLLECTION, Attempts.class);
        this.settings = settings.login();
        this.clock = clock;
        // Documents are useless after their window; a real MongoDB removes them, the embedded one ignores TTL.
        attempts.createIndex(Indexes.ascending("windowStart"),
                new IndexOptions().expireAfter(settings.login().window().toSeconds() * 2, TimeUnit.SECONDS));
    }

    /** When sign-in for this user name or address is refused, until when; empty when it is allowed. */
    public Optional<Instant> blockedUntil(String username, String address) {
        Instant now = clock.instant();
        return blockedUntil(accountKey(username), settings.maxFailuresPerAccount(), now)
                .or(() -> address == null ? Optional.empty()
                        : blockedUntil(addressKey(address), settings.maxFailuresPerAddress(), now));
    }

    private Optional<Instant> blockedUntil(String key, int max, Instant now) {
        Attempts a = attempts.find(eq("_id", key)).first();
        if (a == null || a.failures() < max) {
            return Optional.empty();
        }
        Instant until = a.windowStart().plus(settings.window());
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    public void recordFailure(String username, String address) {
        count(accountKey(username));
        if (address != null) {
            count(addressKey(address));
        }
    }

    /** A successful sign-in clears the user name's count; the address count stays (no password spraying). */
    public void recordSuccess(String username) {
        attempts.deleteOne(eq("_id", accountKey(username)));
    }

    private void count(String key) {
        Instant now = clock.instant();
        Instant windowFloor = now.minus(settings.window());
        for (int attempt = 0; attempt < 5; attempt++) {
            if (attempts.updateOne(and(eq("_id", key), gt("windowStart", windowFloor)), inc("failures", 1))
                    .getMatchedCount() == 1) {
                return;
            }
            if (attempts.updateOne(and(eq("_id", key), lte("windowStart", windowFloor)),
                    combine(set("failures", 1), set("windowStart", now))).getMatchedCount() == 1) {
                return;
            }
            try {
                MongoErrors.translate(() -> attempts.insertOne(new Attempts(key, 1, now)));
                return;
            } catch (DuplicateKeyException raced) {
                // another request created it first: count again on the existing document
            }
        }
    }

    static String accountKey(String username) {
        return "u:" + Sha256.hex(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "a:" + Sha256.hex(address);
    }

}
