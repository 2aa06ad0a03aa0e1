package org.baeum.survey.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.base.mongo.StartupProblem;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The two secrets that keep answers apart from their participants (decision 0051).
 * <ul>
 *   <li>The <b>link secret</b> makes an invitation's token: {@code <invitationId>.<base64url(HMAC-SHA256(link secret,
 *   "survey-link|" + invitationId))>}. The token is not stored; the portal derives it again to show the link in
 *   My learning and {@code GET /api/v1/me/surveys}. A changed character fails the check.</li>
 *   <li>The <b>answer secret</b> makes the answer's {@code _id} from the token: {@code base64url(HMAC-SHA256(answer
 *   secret, "survey-answer|" + token))}. The same link finds its answer again; no stored field leads from an answer
 *   to its invitation without both secrets.</li>
 * </ul>
 * Each is {@code BAEUM_SURVEY_LINK_SECRET} / {@code BAEUM_SURVEY_ANSWER_SECRET} when set (at least 32 bytes, or
 * start-up fails naming it), otherwise generated on the first start and kept in {@code baeum_system}
 * ({@code survey-link-secret}, {@code survey-answer-secret}), as {@code SignedLinks} keeps its own. Kept in the
 * environment instead, the answer secret is not in a copy of the database, which then cannot link answers to people.
 */
@Component
public class SurveySecrets {

    static final int MIN_SECRET_BYTES = 32;
    private static final String SYSTEM = "baeum_system";

    private final byte[] linkSecret;
    private final byte[] answerSecret;

    SurveySecrets(MongoDatabase database, @Value("${baeum.survey.link-secret:}") String configuredLink,
                  @Value("${baeum.survey.answer-secret:}") String configuredAnswer) {
        MongoCollection<Document> system = database.getCollection(SYSTEM);
        this.linkSecret = secret(system, "survey-link-secret", "BAEUM_SURVEY_LINK_SECRET", configuredLink);
        this.answerSecret = secret(system, "survey-answer-secret", "BAEUM_SURVEY_ANSWER_SECRET", configuredAnswer);
    }

    /** The link token of an invitation. */
    public String token(String invitationId) {
        return invitationId + "." + b64(mac(linkSecret, "survey-link|" + invitationId));
    }

    /** The invitation a token names, when its signature is right; empty for a changed or made-up token. */
    public Optional<String> invitationOf(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        byte[] expected = token(id).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(id) : Optional.empty();
    }

    /** The {@code _id} of the answer given through this (checked) token. */
    public String answerId(String token) {
        return b64(mac(answerSecret, "survey-answer|" + token));
    }

    /** A fresh invitation id: 16 random bytes, base64url (no time in it, unlike an ObjectId). */
    public static String newInvitationId(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return b64(bytes);
    }

    private static byte[] secret(MongoCollection<Document> system, String id, String setting, String configured) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_BYTES) {
                throw new StartupProblem(setting + " is too short: " + bytes.length + " bytes, at least "
                        + MIN_SECRET_BYTES + " are needed.", "Set " + setting + " to at least " + MIN_SECRET_BYTES
                        + " random bytes (e.g. the output of 'openssl rand -base64 48'), or leave it empty to use the "
                        + "secret the portal keeps in its database.", null);
            }
            return bytes;
        }
        Document existing = system.find(eq("_id", id)).first();
        if (existing == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                MongoErrors.translate(() -> system.insertOne(new Document("_id", id)
                        .append("value", Base64.getEncoder().encodeToString(fresh))));
            } catch (DuplicateKeyException raceLostToAnotherInstance) {
                // the other instance's secret is the one to use
            }
            existing = Objects.requireNonNull(system.find(eq("_id", id)).first());
        }
        return Base64.getDecoder().decode(existing.getString("value"));
    }

    private static byte[] mac(byte[] secret, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
