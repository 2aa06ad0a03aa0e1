package org.baeum.enrollment;

import java.time.Instant;
import java.util.Locale;

/**
 * A refund a closure recorded for an entry that stays enrolled (decision 0043): the entry (name masked), the rule's
 * answer (별표 3 제1호, pro rata by class day, due 5 days after the first cancelled day), the closure's reason, and when
 * STAFF paid it out ({@code null}: still owed). {@code id} is the refund's own id, for recording the payment.
 */
public record ClosureRefundOwed(String id, Enrollment enrollment, Refund refund, String reasonKo, String reasonEn,
                                Instant paidOutAt) {

    /** The closure's reason in {@code locale}'s language (the other one when that is missing; empty when none). */
    public String reason(Locale locale) {
        String en = reasonEn == null || reasonEn.isBlank() ? reasonKo : reasonEn;
        String ko = reasonKo == null || reasonKo.isBlank() ? reasonEn : reasonKo;
        String r = "en".equals(locale.getLanguage()) ? en : ko;
        return r == null ? "" : r;
    }
}
