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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for {@code /api/v1/**}. A token is {@code <account id>.<256 random bits>}; only the SHA-256 of the
 * whole token is stored, in the account's own document ({@link ApiTokenStore}), so a copy of the database gives no
 * usable token and a request with a token reads one document: the account, its roles, whether it is enabled and
 * whether it holds the token, in one read that no other instance can see half-changed (decision 0058). Tokens expire
 * after {@code BAEUM_API_TOKEN_TTL}; an account holds at most {@value #MAX_PER_ACCOUNT}, the oldest going first. A
 * token names an account by its id, never by a user name or address (those change, and a freed address can be
 * taken by someone else).
 *
 * <p>Tokens issued before 2026-12-07 have no account id in them and live in the {@code api_tokens} collection; they
 * are still accepted (two reads) until they expire, and revoked with the account's others.
 */
@Component
public class ApiTokens {

    static final String LEGACY_COLLECTION = "api_tokens";
    /** The most tokens one account holds at once; a new one beyond it ends the oldest. */
    public static final int MAX_PER_ACCOUNT = 20;
    private static final char SEPARATOR = '.';

    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** A token as "signed-in apps" and the data download show it: its hash, never the token. */
    public record StoredToken(@BsonId String id, String accountId, Instant createdAt, Instant expiresAt) {
    }

    private final ApiTokenStore store;
    private final AccountUsers users;
    private final MongoCollection<StoredToken> legacy;
    private final SecuritySettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenStore store, AccountUsers users, MongoDatabase database, SecuritySettings settings, Clock clock) {
        this.store = store;
        this.users = users;
        this.legacy = database.getCollection(LEGACY_COLLECTION, StoredToken.class);
        this.settings = settings;
        this.clock = clock;
        legacy.createIndex(Indexes.ascending("accountId"));
        legacy.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /**
     * A new token for the user's account.
     *
     * @throws IllegalStateException when the account does not exist (any more)
     */
    public IssuedToken issue(BaeumUser user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = user.accountId() + SEPARATOR + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.apiTokenTtl());
        if (!store.add(user.accountId(), new ApiTokenStore.Entry(hash(token), now, expiresAt), now, MAX_PER_ACCOUNT)) {
            throw new IllegalStateException("No account " + user.accountId() + " to issue a token for");
        }
        return new IssuedToken(token, expiresAt);
    }

    /** The account holding this valid, unexpired token, as security sees it (enabled or not). */
    public Optional<BaeumUser> userFor(String token) {
        if (token == null || token.isBlank() || token.length() > 300) {
            return Optional.empty();
        }
        int separator = token.lastIndexOf(SEPARATOR);
        if (separator < 0) {
            return legacyAccountIdFor(token).flatMap(users::byAccountId);
        }
        if (separator == 0) {
            return Optional.empty();
        }
        return store.userHolding(token.substring(0, separator), hash(token), clock.instant());
    }

    /** The account id of a valid, unexpired token. */
    public Optional<String> accountIdFor(String token) {
        return userFor(token).map(BaeumUser::accountId);
    }

    /** The account's unexpired tokens (hashes only), newest first: for "signed-in apps" and the data download. */
    public List<StoredToken> tokensOf(String accountId) {
        Instant now = clock.instant();
        List<StoredToken> all = new ArrayList<>();
        store.tokensOf(accountId, now)
                .forEach(e -> all.add(new StoredToken(e.hash(), accountId, e.createdAt(), e.expiresAt())));
        legacy.find(and(eq("accountId", accountId), gt("expiresAt", now))).limit(100).into(all);
        all.sort(Comparator.comparing(StoredToken::createdAt).reversed());
        return all.size() > 100 ? all.subList(0, 100) : all;
    }

    /** Ends every token of an account (sign out everywhere, password or email change, deactivation). */
    public long revokeAll(String accountId) {
        return store.removeAll(accountId) + legacy.deleteMany(eq("accountId", accountId)).getDeletedCount();
    }

    public void revoke(String token) {
        if (token == null) {
            return;
        }
        int separator = token.lastIndexOf(SEPARATOR);
        if (separator > 0) {
            store.remove(token.substring(0, separator), hash(token));
        } else {
            legacy.deleteOne(eq("_id", hash(token)));
        }
    }

    private Optional<String> legacyAccountIdFor(String token) {
        if (token.length() > 200) {
            return Optional.empty();
        }
        StoredToken stored = legacy.find(and(eq("_id", hash(token)), gt("expiresAt", clock.instant()))).first();
        return Optional.ofNullable(stored).map(StoredToken::accountId);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
