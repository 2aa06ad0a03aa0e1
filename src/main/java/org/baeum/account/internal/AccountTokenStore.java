package org.baeum.account.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.baeum.base.domain.RequestMemo;
import org.baeum.base.security.ApiTokenStore;
import org.baeum.base.security.BaeumUser;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * API tokens in their account's document ({@code apiTokens}: hash, issue and expiry time each), decision 0058. The
 * list is changed under a version number ({@code apiTokensVersion}), read, changed and written back only if nobody
 * changed it meanwhile, so two sign-ins at once both keep their token and a "sign out everywhere" is never undone.
 * The account read for a token is remembered for the rest of the request ({@link RequestMemo}), so the service the
 * request calls does not read it again.
 */
@Component
class AccountTokenStore implements ApiTokenStore {

    static final String FIELD = "apiTokens";
    static final String VERSION = "apiTokensVersion";
    private static final int TRIES = 8;

    private final MongoCollection<RawBsonDocument> raw;
    private final Codec<AccountDocument> codec;

    AccountTokenStore(MongoDatabase database) {
        MongoCollection<AccountDocument> typed = database.getCollection(AccountRepository.COLLECTION, AccountDocument.class);
        this.raw = database.getCollection(AccountRepository.COLLECTION, RawBsonDocument.class);
        this.codec = typed.getCodecRegistry().get(AccountDocument.class);
    }

    @Override
    public boolean add(String accountId, Entry token, Instant now, int max) {
        for (int i = 0; i < TRIES; i++) {
            RawBsonDocument doc = raw.find(eq("_id", accountId)).projection(include(FIELD, VERSION)).first();
            if (doc == null) {
                return false;
            }
            // the list is kept in the order of issue, so its head is the oldest whatever the clocks said
            List<Entry> kept = new ArrayList<>(entries(doc));
            int excess = kept.size() + 1 - max;
            for (Iterator<Entry> it = kept.iterator(); excess > 0 && it.hasNext(); ) {
                if (!it.next().expiresAt().isAfter(now)) { // expired ones go first
                    it.remove();
                    excess--;
                }
            }
            if (excess > 0) { // then the oldest; the new token is always kept
                kept.subList(0, Math.min(excess, kept.size())).clear();
            }
            kept.add(token);
            if (write(doc, Updates.set(FIELD, kept.stream().map(AccountTokenStore::bson).toList()))) {
                return true;
            }
        }
        throw new IllegalStateException("The tokens of account " + accountId + " kept changing; none issued");
    }

    @Override
    public Optional<BaeumUser> userHolding(String accountId, String hash, Instant now) {
        RawBsonDocument doc = raw.find(eq("_id", accountId)).first();
        if (doc == null || entries(doc).stream().noneMatch(e -> e.hash().equals(hash) && e.expiresAt().isAfter(now))) {
            return Optional.empty();
        }
        AccountDocument account = doc.decode(codec);
        RequestMemo.put(AccountRepository.memoKey(accountId), account);
        return Optional.of(AccountUserDetailsService.user(account));
    }

    @Override
    public List<Entry> tokensOf(String accountId, Instant now) {
        RawBsonDocument doc = raw.find(eq("_id", accountId)).projection(include(FIELD)).first();
        return doc == null ? List.of() : entries(doc).stream().filter(e -> e.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Entry::createdAt).reversed()).toList();
    }

    @Override
    public boolean remove(String accountId, String hash) {
        for (int i = 0; i < TRIES; i++) {
            RawBsonDocument doc = raw.find(eq("_id", accountId)).projection(include(FIELD, VERSION)).first();
            if (doc == null) {
                return false;
            }
            List<Entry> before = entries(doc);
            List<Entry> after = before.stream().filter(e -> !e.hash().equals(hash)).toList();
            if (after.size() == before.size()) {
                return false;
            }
            if (write(doc, Updates.set(FIELD, after.stream().map(AccountTokenStore::bson).toList()))) {
                return true;
            }
        }
        throw new IllegalStateException("The tokens of account " + accountId + " kept changing; none revoked");
    }

    @Override
    public long removeAll(String accountId) {
        // one update, whatever the list holds: nothing issued before it survives it
        Document before = raw.withDocumentClass(Document.class).findOneAndUpdate(eq("_id", accountId),
                Updates.combine(Updates.set(FIELD, List.of()), Updates.inc(VERSION, 1L)));
        if (before == null) {
            return 0;
        }
        Object list = before.get(FIELD);
        return list instanceof List<?> l ? l.size() : 0;
    }

    /** Writes the change if the list is still as read (same version); false when someone changed it meanwhile. */
    private boolean write(RawBsonDocument read, Bson change) {
        BsonValue version = read.get(VERSION);
        long v = version == null ? 0L : version.asNumber().longValue();
        Bson unchanged = version == null ? eq(VERSION, null) : eq(VERSION, v);
        return raw.updateOne(and(eq("_id", read.get("_id")), unchanged),
                Updates.combine(change, Updates.set(VERSION, v + 1))).getModifiedCount() == 1;
    }

    private static List<Entry> entries(BsonDocument doc) {
        BsonValue list = doc.get(FIELD);
        if (list == null || !list.isArray()) {
            return List.of();
        }
        BsonArray array = list.asArray();
        List<Entry> entries = new ArrayList<>(array.size());
        for (BsonValue v : array) {
            BsonDocument e = v.asDocument();
            entries.add(new Entry(e.getString("hash").getValue(),
                    Instant.ofEpochMilli(e.getDateTime("createdAt").getValue()),
                    Instant.ofEpochMilli(e.getDateTime("expiresAt").getValue())));
        }
        return entries;
    }

    private static Document bson(Entry e) {
        return new Document("hash", e.hash()).append("createdAt", Date.from(e.createdAt()))
                .append("expiresAt", Date.from(e.expiresAt()));
    }
}
