package org.baeum.recruitment.draw;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.baeum.recruitment.draw.DrawRecord.Application;
import org.baeum.recruitment.draw.DrawRecord.Offering;
import org.baeum.recruitment.draw.DrawRecord.Result;
import org.baeum.recruitment.draw.DrawRecord.Share;

/**
 * The verifiable lottery of decision 0027, as pure functions of the public record: no clock, no randomness, no
 * storage. The portal makes the seed ({@code SecureRandom}, 32 bytes), publishes {@link #commitment} before the
 * applications close and the seed after the draw; anyone can then {@link #verify} the record (or run
 * {@code java tools/VerifyDraw.java draw.json}, which implements the same rule on its own).
 */
public final class Draw {

    /** The rule's identifier in the record; a new rule gets a new identifier and a new decision record. */
    public static final String RULE = "baeum-draw/1";

    /** The rule in words, published in every record (normative text: docs/decisions/0027-verifiable-draw.md). */
    public static final String RULE_TEXT = "Each application has weight tickets k = 0..weight-1. A ticket's key is "
            + "HMAC-SHA256(key = seed, message = UTF-8 of round + \"|\" + number + \"|\" + k); an application's key is "
            + "the smallest of its tickets' keys as an unsigned big-endian number. The draw order is the applications "
            + "by key ascending (equal keys by number). Reserved pass: in draw order, each application eligible for "
            + "the reserved share gets its highest-ranked choice with at least its seats left in that offering's "
            + "reserved share. Unused reserved seats then join the general seats. General pass: in draw order, each "
            + "application without a seat gets its highest-ranked choice with at least its seats left. An "
            + "application wins at most once; one that gets no seat has lost. commitment = hex(SHA-256(seed)).";

    private static final HexFormat HEX = HexFormat.of();
    private static final String HMAC = "HmacSHA256";

    private Draw() {
    }

    /** The lowercase hex of SHA-256 of the seed bytes: published before the draw, checked against the seed after. */
    public static String commitment(byte[] seed) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** An application's key: the smallest (unsigned big-endian) of its {@code weight} ticket keys. */
    public static byte[] key(String round, byte[] seed, String number, int weight) {
        return key(mac(seed), round, number, weight);
    }

    /** The draw order: the application numbers sorted by key ascending, equal keys (never seen) by number. */
    public static List<String> order(String round, byte[] seed, List<Application> applications) {
        Mac mac = mac(seed);
        record Keyed(String number, byte[] key) {
        }
        List<Keyed> keyed = new ArrayList<>(applications.size());
        for (Application a : applications) {
            keyed.add(new Keyed(a.number(), key(mac, round, a.number(), a.weight())));
        }
        keyed.sort(Comparator.<Keyed, byte[]>comparing(Keyed::key, Arrays::compareUnsigned)
                .thenComparing(Keyed::number));
        return keyed.stream().map(Keyed::number).toList();
    }

    /** Draws: the order, every key, and the seats given in order (reserved pass first, then the general pass). */
    public static DrawOutcome run(DrawInput input) {
        byte[] seed = input.seed();
        Mac mac = mac(seed);
        Map<String, String> keys = new LinkedHashMap<>();
        for (Application a : input.applications()) {
            keys.put(a.number(), HEX.formatHex(key(mac, input.round(), a.number(), a.weight())));
        }
        List<String> order = order(input.round(), seed, input.applications());
        Map<String, Application> byNumber = new HashMap<>();
        input.applications().forEach(a -> byNumber.put(a.number(), a));

        Map<String, Integer> left = new HashMap<>();
        input.offerings().forEach(o -> left.put(o.id(), o.reserved()));
        Map<String, Result> results = new HashMap<>();
        for (String number : order) {
            Application a = byNumber.get(number);
            if (a.reserved()) {
                place(a, left, Share.RESERVED, results);
            }
        }
        for (Offering o : input.offerings()) {
            left.merge(o.id(), o.seats() - o.reserved(), Integer::sum);
        }
        for (String number : order) {
            if (!results.containsKey(number)) {
                place(byNumber.get(number), left, Share.GENERAL, results);
            }
        }
        List<Result> inApplicationOrder = input.applications().stream()
                .map(a -> results.getOrDefault(a.number(), Result.lost(a.number()))).toList();
        return new DrawOutcome(order, keys, inApplicationOrder);
    }

    /** The public record after the draw: the input, the seed revealed, the order and every result. */
    public static DrawRecord record(DrawInput input, String committedAt, String drawnAt) {
        DrawOutcome outcome = run(input);
        return new DrawRecord(RULE, RULE_TEXT, input.round(), commitment(input.seed()), committedAt,
                HEX.formatHex(input.seed()), drawnAt, input.offerings(), input.applications(), outcome.order(),
                outcome.results());
    }

    /** Recomputes commitment, order and results from the published record alone; reports the first difference. */
    public static Verification verify(DrawRecord published) {
        return DrawVerifier.verify(published);
    }

    static byte[] seedFromHex(String hex) {
        return HEX.parseHex(hex);
    }

    private static void place(Application a, Map<String, Integer> left, Share share, Map<String, Result> results) {
        for (String choice : a.choices()) {
            int seats = left.get(choice);
            if (seats >= a.seats()) {
                left.put(choice, seats - a.seats());
                results.put(a.number(), new Result(a.number(), choice, share));
                return;
            }
        }
    }

    private static byte[] key(Mac mac, String round, String number, int weight) {
        byte[] smallest = null;
        for (int k = 0; k < weight; k++) {
            byte[] ticket = mac.doFinal((round + "|" + number + "|" + k).getBytes(StandardCharsets.UTF_8));
            if (smallest == null || Arrays.compareUnsigned(ticket, smallest) < 0) {
                smallest = ticket;
            }
        }
        return Objects.requireNonNull(smallest, "weight must be at least 1");
    }

    private static Mac mac(byte[] seed) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(seed, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
