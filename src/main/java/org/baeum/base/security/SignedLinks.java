package org.baeum.base.security;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.base.mongo.StartupProblem;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links sent by mail (verify an address, reset a password, accept an invitation; later accept an offer,
 * unsubscribe): {@code payload.signature}, where the payload names the purpose, the subject, the expiry and a
 * random nonce, and the signature is HMAC-SHA256 with the portal's link secret. Changing any character is
 * detected; expiry is in the signed payload; single use is enforced by inserting the nonce into
 * {@code used_links}, whose unique {@code _id} lets exactly one of two simultaneous clicks win.
 * <p>
 * The secret is {@code BAEUM_LINK_SECRET} when set (at least 32 bytes, or start-up fails naming it); otherwise one is generated on the first start and kept in
 * {@code baeum_system} so that every portal instance on the database signs and checks alike.
 */
@Component
public class SignedLinks {

    static final String USED = "used_links";
    private static final String SYSTEM = "baeum_system";
    private static final String SECRET_ID = "link-secret";
    /** HMAC-SHA256 wants a key at least as long as its output. */
    static final int MIN_SECRET_BYTES = 32;

    /** What a link says, once its signature is known to be good. */
    public record Claims(String purpose, String subject, Instant expiresAt, String nonce) {
    }

    public enum Status { VALID, INVALID, EXPIRED, USED }

    /** The outcome of checking a link; {@code claims} is present unless the link is {@code INVALID}. */
    public record Check(Status status, Claims claims) {
        public boolean valid() {
            return status == Status.VALID;
        }

        static Check invalid() {
            return new Check(Status.INVALID, null);
        }
    }

    public record UsedLink(@BsonId String id, String purpose, Instant usedAt, Instant expiresAt) {
    }

    private final MongoCollection<UsedLink> used;
    private final Clock clock;
    private final String publicUrl;
    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();

    SignedLinks(MongoDatabase database, Clock clock, @Value("${baeum.public-url}") String publicUrl,
                @Value("${baeum.security.link-secret:}") String configuredSecret) {
        byte[] configured = configuredSecret.getBytes(StandardCharsets.UTF_8);
        if (!configuredSecret.isBlank() && configured.length < MIN_SECRET_BYTES) {
            // one line naming the setting, never the value (StartupProblemFailureAnalyzer prints it)
            throw new StartupProblem("BAEUM_LINK_SECRET is too short: " + configured.length + " bytes, at least "
                    + MIN_SECRET_BYTES + " are needed to sign links in mail.",
                    "Set BAEUM_LINK_SECRET to at least " + MIN_SECRET_BYTES + " random bytes (e.g. the output of "
                            + "'openssl rand -base64 48'), or leave it empty to use the secret the portal keeps in its "
                            + "database.", null);
        }
        this.used = database.getCollection(USED, UsedLink.class);
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        used.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(1L, TimeUnit.DAYS));
        this.secret = configuredSecret.isBlank()
                ? sharedSecret(database.getCollection(SYSTEM))
                : configured;
    }

    private byte[] sharedSecret(MongoCollection<Document> system) {
        Document existing = system.find(eq("_id", SECRET_ID)).first();
        if (existing == null) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            try {
                MongoErrors.translate(() -> system.insertOne(new Document("_id", SECRET_ID)
                        .append("value", Base64.getEncoder().encodeToString(fresh))));
            } catch (DuplicateKeyException raceLostToAnotherInstance) {
                // the other instance's secret is the one to use
            }
            existing = Objects.requireNonNull(system.find(eq("_id", SECRET_ID)).first());
        }
        return Base64.getDecoder().decode(existing.getString("value"));
    }

    /** A token for {@code purpose} and {@code subject}, valid for {@code ttl}. */
    public String sign(String purpose, String subject, Duration ttl) {
        requireClean(purpose);
        requireClean(subject);
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = b64(nonceBytes);
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String payload = b64((purpose + "|" + subject + "|" + expires + "|" + nonce).getBytes(StandardCharsets.UTF_8));
        return payload + "." + b64(mac(payload));
    }

    /** The full address of a page with the token as {@code ?token=}. */
    public String url(String path, String token) {
        return publicUrl + "/" + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Checks signature, purpose, expiry and whether it was used, without using it. */
    public Check check(String purpose, String token) {
        Claims claims = verify(purpose, token);
        if (claims == null) {
            return Check.invalid();
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            return new Check(Status.EXPIRED, claims);
        }
        if (used.find(eq("_id", claims.nonce())).first() != null) {
            return new Check(Status.USED, claims);
        }
        return new Check(Status.VALID, claims);
    }

    /**
     * Uses the link: valid only for the first caller. Call it before acting, so that a link is never acted on
     * twice; an action that then fails needs a new link.
     */
    public Check use(String purpose, String token) {
        Check check = check(purpose, token);
        if (!check.valid()) {
            return check;
        }
        try {
            MongoErrors.translate(() -> used.insertOne(new UsedLink(check.claims().nonce(), purpose, clock.instant(),
                    check.claims().expiresAt())));
            return check;
        } catch (DuplicateKeyException e) {
            return new Check(Status.USED, check.claims());
        }
    }

    private Claims verify(String purpose, String token) {
        if (token == null || token.length() > 1_000) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return null;
        }
        String payload = token.substring(0, dot);
        try {
            // compare the encoded text, not decoded bytes: Base64 ignores a last character's spare bits, and a
            // changed character must never pass
            byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(given, b64(mac(payload)).getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals(purpose)) {
                return null;
            }
            return new Claims(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])), parts[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireClean(String value) {
        if (value == null || value.isEmpty() || value.contains("|")) {
            throw new IllegalArgumentException("Link fields must be non-empty and contain no '|'");
        }
    }
}
