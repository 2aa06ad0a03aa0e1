package org.baeum.attendance.completion;

import java.util.Optional;
import org.baeum.attendance.completion.CompletionCheck.Standing;

/**
 * A warning while a class runs (decision 0035), in plain Java: {@link #UNREACHABLE} once attending every remaining
 * session can no longer reach the program's share; else {@link #BELOW} while the points earned so far are below that
 * share of the sessions held so far. Programs without a minimum share never warn.
 */
public enum CompletionWarning {
    BELOW("completionWarning.below"),
    UNREACHABLE("completionWarning.unreachable");

    private final String messageKey;

    CompletionWarning(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The short text of the badge and the transcript ({@code {0}}: the share needed, as the rule's fraction). */
    public String messageKey() {
        return messageKey;
    }

    /** The warning a standing calls for under the rule, if any (exact integer comparisons, like the check). */
    public static Optional<CompletionWarning> of(CompletionRule rule, Standing s) {
        if (rule == null || rule.numerator() == 0 || s.held() == 0) {
            return Optional.empty();
        }
        if (!s.reachable()) {
            return Optional.of(UNREACHABLE);
        }
        boolean below = s.earned() * rule.denominator() < (long) rule.numerator() * s.possibleNow();
        return below ? Optional.of(BELOW) : Optional.empty();
    }

    /** The rule's share as people read it: {@code 2/3}, or a percentage for a denominator of 100. */
    public static String share(CompletionRule rule) {
        return rule.denominator() == 100 ? rule.numerator() + "%" : rule.numerator() + "/" + rule.denominator();
    }
}
