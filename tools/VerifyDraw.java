// Verifies a Baeum public draw record (rule "baeum-draw/1", docs/decisions/0027-verifiable-draw.md) with a JDK alone:
//
//     java tools/VerifyDraw.java draw.json
//
// It recomputes the commitment, every key, the draw order and every result from the record and prints "verified"
// (exit 0) or the first mismatch (exit 1); an unreadable file or record exits 2. It shares no code with the portal
// on purpose: it is a second, independent implementation of the rule, with its own small JSON reader.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class VerifyDraw {

    static final String RULE = "baeum-draw/1";
    static final String RULE_TEXT = "Each application has weight tickets k = 0..weight-1. A ticket's key is "
            + "HMAC-SHA256(key = seed, message = UTF-8 of round + \"|\" + number + \"|\" + k); an application's key is "
            + "the smallest of its tickets' keys as an unsigned big-endian number. The draw order is the applications "
            + "by key ascending (equal keys by number). Reserved pass: in draw order, each application eligible for "
            + "the reserved share gets its highest-ranked choice with at least its seats left in that offering's "
            + "reserved share. Unused reserved seats then join the general seats. General pass: in draw order, each "
            + "application without a seat gets its highest-ranked choice with at least its seats left. An "
            + "application wins at most once; one that gets no seat has lost. commitment = hex(SHA-256(seed)).";

    static final HexFormat HEX = HexFormat.of();

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java tools/VerifyDraw.java draw.json");
            System.exit(2);
        }
        Map<String, Object> record;
        try {
            record = obj(new Json(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).document(), "record");
        } catch (RuntimeException | java.io.IOException e) {
            System.out.println("unreadable: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            verify(record);
        } catch (Mismatch m) {
            System.out.println(m.getMessage());
            System.exit(1);
        }
        System.out.println("verified");
    }

    /** The first difference between the record and the recomputation. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String field, String expected, Object found) {
            super("mismatch at " + field + ": expected " + expected + ", found " + found, null, false, false);
        }
    }

    static void verify(Map<String, Object> r) throws Exception {
        check("rule", RULE, r.get("rule"));
        if (!RULE_TEXT.equals(r.get("ruleText"))) {
            throw new Mismatch("ruleText", "the text of " + RULE, r.get("ruleText"));
        }
        Object seedHex = r.get("seed");
        if (!(seedHex instanceof String s) || !s.matches("[0-9a-f]{64}")) {
            throw new Mismatch("seed", "64 lowercase hex digits", seedHex);
        }
        byte[] seed = HEX.parseHex((String) seedHex);
        check("commitment", HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(seed)), r.get("commitment"));
        Object round = r.get("round");
        if (!(round instanceof String roundId) || roundId.isBlank()) {
            throw new Mismatch("round", "a round id", round);
        }

        Map<String, int[]> offerings = new LinkedHashMap<>(); // id -> {seats, reserved}
        List<Object> offeringList = list(r.get("offerings"), "offerings");
        for (int i = 0; i < offeringList.size(); i++) {
            Map<String, Object> o = obj(offeringList.get(i), "offerings[" + i + "]");
            String at = "offerings[" + i + "]";
            if (!(o.get("id") instanceof String id) || offerings.containsKey(id)) {
                throw new Mismatch(at + ".id", "a unique id", o.get("id"));
            }
            int seats = integer(o.get("seats"), at + ".seats");
            int reserved = integer(o.get("reserved"), at + ".reserved");
            if (seats < 0) {
                throw new Mismatch(at + ".seats", "0 or more", seats);
            }
            if (reserved < 0 || reserved > seats) {
                throw new Mismatch(at + ".reserved", "0.." + seats, reserved);
            }
            offerings.put(id, new int[] {seats, reserved});
        }

        List<String> numbers = new ArrayList<>();
        Map<String, Map<String, Object>> apps = new HashMap<>();
        Map<String, byte[]> keys = new HashMap<>();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(seed, "HmacSHA256"));
        List<Object> appList = list(r.get("applications"), "applications");
        for (int i = 0; i < appList.size(); i++) {
            String at = "applications[" + i + "]";
            Map<String, Object> a = obj(appList.get(i), at);
            if (!(a.get("number") instanceof String number) || apps.containsKey(number)) {
                throw new Mismatch(at + ".number", "a unique number", a.get("number"));
            }
            int weight = integer(a.get("weight"), at + ".weight");
            if (weight != 1 && weight != 2) {
                throw new Mismatch(at + ".weight", "1 or 2", weight);
            }
            int seats = integer(a.get("seats"), at + ".seats");
            if (seats < 1 || seats > 8) {
                throw new Mismatch(at + ".seats", "1..8", seats);
            }
            List<Object> choices = list(a.get("choices"), at + ".choices");
            if (choices.isEmpty() || choices.size() > 3 || new HashSet<>(choices).size() != choices.size()
                    || !offerings.keySet().containsAll(choices)) {
                throw new Mismatch(at + ".choices", "1-3 distinct offerings of the round", choices);
            }
            if (!(a.get("reserved") instanceof Boolean)) {
                throw new Mismatch(at + ".reserved", "true or false", a.get("reserved"));
            }
            byte[] key = null;
            for (int k = 0; k < weight; k++) {
                byte[] t = mac.doFinal((roundId + "|" + number + "|" + k).getBytes(StandardCharsets.UTF_8));
                if (key == null || Arrays.compareUnsigned(t, key) < 0) {
                    key = t;
                }
            }
            numbers.add(number);
            apps.put(number, a);
            keys.put(number, key);
        }

        List<String> order = new ArrayList<>(numbers);
        order.sort((x, y) -> {
            int c = Arrays.compareUnsigned(keys.get(x), keys.get(y));
            return c != 0 ? c : x.compareTo(y);
        });
        List<Object> publishedOrder = list(r.get("order"), "order");
        for (int i = 0; i < Math.min(order.size(), publishedOrder.size()); i++) {
            check("order[" + i + "]", order.get(i), publishedOrder.get(i));
        }
        if (order.size() != publishedOrder.size()) {
            throw new Mismatch("order", order.size() + " entries", publishedOrder.size() + " entries");
        }

        Map<String, Integer> left = new HashMap<>();
        offerings.forEach((id, o) -> left.put(id, o[1]));
        Map<String, String> won = new HashMap<>(); // number -> "OFFERING (share)"
        for (String n : order) {
            if (Boolean.TRUE.equals(apps.get(n).get("reserved"))) {
                place(n, apps.get(n), left, "reserved", won);
            }
        }
        offerings.forEach((id, o) -> left.merge(id, o[0] - o[1], Integer::sum));
        for (String n : order) {
            if (!won.containsKey(n)) {
                place(n, apps.get(n), left, "general", won);
            }
        }

        List<Object> results = list(r.get("results"), "results");
        for (int i = 0; i < Math.min(numbers.size(), results.size()); i++) {
            Map<String, Object> res = obj(results.get(i), "results[" + i + "]");
            String n = numbers.get(i);
            check("results[" + i + "].number", n, res.get("number"));
            String found = (res.get("offering") == null ? "lost" : res.get("offering"))
                    + (res.get("share") == null ? (res.get("offering") == null ? "" : " (?)") : " (" + res.get("share") + ")");
            check("results[" + i + "] (" + n + ")", won.getOrDefault(n, "lost"), found);
        }
        if (numbers.size() != results.size()) {
            throw new Mismatch("results", numbers.size() + " entries", results.size() + " entries");
        }
    }

    static void place(String number, Map<String, Object> a, Map<String, Integer> left, String share,
            Map<String, String> won) {
        int seats = ((Long) a.get("seats")).intValue();
        for (Object choice : (List<?>) a.get("choices")) {
            if (left.get(choice) >= seats) {
                left.merge((String) choice, -seats, Integer::sum);
                won.put(number, choice + " (" + share + ")");
                return;
            }
        }
    }

    static void check(String field, String expected, Object found) {
        if (!Objects.equals(expected, found)) {
            throw new Mismatch(field, expected, found);
        }
    }

    static int integer(Object value, String field) {
        if (!(value instanceof Long l) || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new Mismatch(field, "an integer", value);
        }
        return l.intValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object value, String field) {
        if (!(value instanceof Map)) {
            throw new Mismatch(field, "an object", value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String field) {
        if (!(value instanceof List)) {
            throw new Mismatch(field, "an array", value);
        }
        return (List<Object>) value;
    }

    /** A small strict JSON reader: objects (Map), arrays (List), strings, integers (Long), true/false/null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value();
            space();
            if (i != s.length()) {
                throw error("end of input");
            }
            return v;
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw error("a value");
            }
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                space();
                if (peek('}')) {
                    return m;
                }
                do {
                    space();
                    String k = string();
                    space();
                    expect(':');
                    if (m.put(k, value()) != null) {
                        throw error("no duplicate field " + k);
                    }
                    space();
                } while (peek(','));
                expect('}');
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                space();
                if (peek(']')) {
                    return l;
                }
                do {
                    l.add(value());
                    space();
                } while (peek(','));
                expect(']');
                return l;
            }
            if (c == '"') {
                return string();
            }
            for (String word : new String[] {"true", "false", "null"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            if (c == '-') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i < s.length() && ".eE".indexOf(s.charAt(i)) >= 0) {
                throw error("a value (only whole numbers occur in a draw record)");
            }
            return Long.parseLong(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case '"', '\\', '/' -> b.append(e);
                        default -> throw error("a valid escape");
                    }
                } else {
                    b.append(c);
                }
            }
            expect('"');
            return b.toString();
        }

        private void space() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "'");
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("JSON: expected " + expected + " at character " + i);
        }
    }
}
