package org.baeum.recruitment.draw;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.baeum.recruitment.draw.DrawInput.InvalidDrawInput;
import org.baeum.recruitment.draw.DrawRecord.Result;

/** {@link Draw#verify}: the checks in the order decision 0027 lists them, stopping at the first difference. */
final class DrawVerifier {

    private static final Pattern SEED = Pattern.compile("[0-9a-f]{64}");

    private DrawVerifier() {
    }

    static Verification verify(DrawRecord r) {
        if (!Draw.RULE.equals(r.rule())) {
            return Verification.mismatch("rule", Draw.RULE, String.valueOf(r.rule()));
        }
        if (!Draw.RULE_TEXT.equals(r.ruleText())) {
            return Verification.mismatch("ruleText", "the text of " + Draw.RULE, String.valueOf(r.ruleText()));
        }
        if (r.seed() == null || !SEED.matcher(r.seed()).matches()) {
            return Verification.mismatch("seed", "64 lowercase hex digits", String.valueOf(r.seed()));
        }
        byte[] seed = Draw.seedFromHex(r.seed());
        String commitment = Draw.commitment(seed);
        if (!commitment.equals(r.commitment())) {
            return Verification.mismatch("commitment", commitment, String.valueOf(r.commitment()));
        }
        DrawInput input;
        try {
            input = new DrawInput(r.round(), seed, r.offerings(), r.applications());
        } catch (InvalidDrawInput e) {
            return Verification.mismatch(e.field(), e.expected(), e.found());
        }
        DrawOutcome outcome = Draw.run(input);
        Verification order = compare("order", outcome.order(), r.order());
        if (!order.ok()) {
            return order;
        }
        List<Result> expected = outcome.results();
        List<Result> found = r.results();
        for (int i = 0; i < Math.min(expected.size(), found.size()); i++) {
            Result e = expected.get(i);
            Result f = found.get(i);
            String at = "results[" + i + "]";
            if (!Objects.equals(e.number(), f.number())) {
                return Verification.mismatch(at + ".number", e.number(), String.valueOf(f.number()));
            }
            if (!Objects.equals(e.offering(), f.offering()) || e.share() != f.share()) {
                return Verification.mismatch(at + " (" + e.number() + ")", describe(e), describe(f));
            }
        }
        if (expected.size() != found.size()) {
            return Verification.mismatch("results", expected.size() + " entries", found.size() + " entries");
        }
        return Verification.verified();
    }

    private static Verification compare(String field, List<String> expected, List<String> found) {
        for (int i = 0; i < Math.min(expected.size(), found.size()); i++) {
            if (!expected.get(i).equals(found.get(i))) {
                return Verification.mismatch(field + "[" + i + "]", expected.get(i), String.valueOf(found.get(i)));
            }
        }
        if (expected.size() != found.size()) {
            return Verification.mismatch(field, expected.size() + " entries", found.size() + " entries");
        }
        return Verification.verified();
    }

    /** "POOL-A (reserved)", "POOL-B (general)" or "lost": the same words as tools/VerifyDraw. */
    static String describe(Result r) {
        String share = r.share() == null ? (r.offering() == null ? "" : " (?)") : " (" + r.share().json() + ")";
        return (r.offering() == null ? "lost" : r.offering()) + share;
    }
}
