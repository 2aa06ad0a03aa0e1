package org.baeum.enrollment;

import java.time.Instant;
import org.baeum.catalog.OfferingId;

/**
 * One entry of an offering's funnel with the participant's name ({@link ParticipationSource#forEachDetail}): personal
 * data, so every read is written to the access log. {@code participantName} is {@code null} for an entry of a deleted
 * account.
 *
 * @param reductionCategory the reduction applied to the fee charged ({@code null}: none)
 * @param amount            what was charged after the reduction, KRW
 * @param refundAmount      what an ending recorded as owed back, KRW (0: none)
 * @param endedAt           when the entry ended ({@code null}: active)
 */
public record ParticipationDetail(EnrollmentId id, OfferingId offering, String offeringTitleKo, String participantName,
                                  EnrollmentStatus status, PaymentState payment, long baseFee, String reductionCategory,
                                  long amount, long refundAmount, Instant createdAt, Instant endedAt) {
}
