package org.baeum.base.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for {@code /api/v1/**}. A token is 256 random bits; only its SHA-256 is stored, so a copy of
 * the database gives no usable token. Tokens expire after {@code BAEUM_API_TOKEN_TTL}. A token names an account by
 * its id, never by a user name or address (those change, and a freed address can be taken by someone else).
 */
@Component
public class ApiTokens {

    static final String COLLECTION = "api_tokens";

    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** Tokens stored before 2026-12 also hold the user name; it is ignored. */
    public record StoredToken(@BsonId String id, String accountId, Instant createdAt, Instant expiresAt) {
    }

    private final MongoCollection<StoredToken> tokens;
    private final SecuritySettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(MongoDatabase database, SecuritySettings settings, Clock clock) {
        this.tokens = database.getCollection(COLLECTION, StoredToken.class);
        this.settings = settings;
        this.clock = clock;
        tokens.createIndex(Indexes.ascending("accountId"));
        tokens.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    public IssuedToken issue(BaeumUser user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.apiTokenTtl());
        tokens.insertOne(new StoredToken(hash(token), user.accountId(), now, expiresAt));
        return new IssuedToken(token, expiresAt);
    }

    /** The account id of a valid, unexpired token. */
    public Optional<String> accountIdFor(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        StoredToken stored = tokens.find(and(eq("_id", hash(token)), gt("expiresAt", clock.instant()))).first();
        return Optional.ofNullable(stored).map(StoredToken::accountId);
    }

    /** The account's unexpired tokens (hashes only), newest first: for "signed-in apps" and the data download. */
    public java.util.List<StoredToken> tokensOf(String accountId) {
        return tokens.find(and(eq("accountId", accountId), gt("expiresAt", clock.instant())))
                .sort(com.mongodb.client.model.Sorts.descending("createdAt")).limit(100).into(new java.util.ArrayList<>());
    }

    /** Ends every token of an account (sign out everywhere, password or email change, deactivation). */
    public long revokeAll(String accountId) {
        return tokens.deleteMany(eq("accountId", accountId)).getDeletedCount();
    }

    public void revoke(String token) {
        tokens.deleteOne(eq("_id", hash(token)));
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
