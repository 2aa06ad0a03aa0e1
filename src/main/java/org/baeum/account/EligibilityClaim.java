package org.baeum.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A citizen's declaration that a participant belongs to a fee-reduction category, and staff's decision on it.
 * {@code history} records every step with who and when.
 */
public record EligibilityClaim(String id, AccountId household, ParticipantId participant, String participantName,
                               String category, String note, EligibilityStatus status, Instant declaredAt,
                               LocalDate validUntil, String reason, List<Step> history) {

    /** One recorded step: declared, approved, rejected, withdrawn, expired. */
    public record Step(Instant at, String byAccountId, String byName, EligibilityStatus status, String text) {
    }

    /** The status on a given day: an approved claim whose validity ended reads as expired. */
    public EligibilityStatus statusOn(LocalDate day) {
        return statusOn(status, validUntil, day);
    }

    static EligibilityStatus statusOn(EligibilityStatus status, LocalDate validUntil, LocalDate day) {
        return status == EligibilityStatus.APPROVED && validUntil != null && day.isAfter(validUntil)
                ? EligibilityStatus.EXPIRED : status;
    }
}
