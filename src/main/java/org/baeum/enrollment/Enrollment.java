package org.baeum.enrollment;

import java.time.Instant;
import java.util.List;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.catalog.OfferingId;

/**
 * One participant's enrolment or waitlist entry for one offering.
 *
 * @param waitlistPosition the current place in line while WAITLISTED (1 = next), else {@code null}
 * @param positionAtJoin   the place in line when they joined (the answer they were given)
 * @param offerExpiresAt   while OFFERED: until when the held seat waits for an answer
 * @param refundAmount     what is owed back after a cancellation of a paid enrolment
 * @param assisted         done by staff for the citizen (desk or phone)
 * @param refund           for a paid enrolment that ended: the statutory refund it recorded (amount, step, due date)
 *                         and whether staff paid it out; {@code null} otherwise
 */
public record Enrollment(EnrollmentId id, OfferingId offering, String offeringTitleKo, String offeringTitleEn,
                         ParticipantId participant, String participantName, AccountId household,
                         EnrollmentStatus status, Integer waitlistPosition, Integer positionAtJoin,
                         Instant offerExpiresAt, Fee fee, PaymentState payment, long refundAmount, Instant createdAt,
                         Instant enrolledAt, Instant endedAt, String endReason, boolean assisted,
                         List<HistoryItem> history, RefundOwed refund) {

    public Enrollment {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public String offeringTitle(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && offeringTitleEn != null ? offeringTitleEn : offeringTitleKo;
    }
}
