package org.baeum.account.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baeum.account.EligibilityStatus;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One document of {@code eligibility_claims}. {@code openKey} ({@code participant:category}) is present while the
 * claim is pending or approved, and a unique sparse index on it allows one open claim per participant and category.
 */
public record EligibilityClaimDocument(@BsonId String id, String householdId, String participantId,
                                       String participantName, String category, String note,
                                       EligibilityStatus status, Instant declaredAt, LocalDate validUntil,
                                       String reason, String openKey, List<StepDocument> history) {

    public record StepDocument(Instant at, String byAccountId, String byName, EligibilityStatus status, String text) {
    }
}
