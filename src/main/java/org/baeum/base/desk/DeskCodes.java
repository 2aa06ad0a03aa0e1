package org.baeum.base.desk;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Stable codes people show at the desk, derived from what they stand for instead of stored (decision 0044): the first
 * 8 bytes of HMAC-SHA256({@code kind|id}) under the desk's secret, each as one of 30 letters and digits without the
 * look-alikes (no 0, 1, I, L, O, U), shown {@code XXXX-XXXX} (about 39 bits). Knowing an id does not give its code, and
 * a code does not give the id.
 * <p>
 * The secret is generated on the first start and kept in {@code baeum_system} (as {@code SignedLinks} keeps its own),
 * so every instance on the database derives the same codes; deleting it there gives everyone new codes.
 */
@Component
public class DeskCodes {

    /** Crockford's base 32 without the letters that look like digits. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 8;
    private static final String SYSTEM = "baeum_system";
    private static final String SECRET_ID = "desk-code-secret";

    private final byte[] secret;

    DeskCodes(MongoDatabase database) {
        this.secret = sharedSecret(database.getCollection(SYSTEM));
    }

    private static byte[] sharedSecret(MongoCollection<Document> system) {
        Document existing = system.find(eq("_id", SECRET_ID)).first();
        if (existing == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
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

    /** The code of {@code id} of this kind (e.g. {@code membership}), as shown: {@code XXXX-XXXX}. */
    public String code(String kind, String id) {
        byte[] mac = mac(kind + "|" + id);
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET[(mac[i] & 0xFF) % ALPHABET.length]);
        }
        return code.toString();
    }

    /**
     * What someone typed or scanned as a code, compared as codes are: without spaces and dashes, upper case.
     *
     * @return the 8 characters with the dash ({@code XXXX-XXXX}), or {@code null} when it cannot be a code
     */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            return null;
        }
        for (char c : s.toCharArray()) {
            if (new String(ALPHABET).indexOf(c) < 0) {
                return null;
            }
        }
        return s.substring(0, LENGTH / 2) + "-" + s.substring(LENGTH / 2);
    }

    private byte[] mac(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
