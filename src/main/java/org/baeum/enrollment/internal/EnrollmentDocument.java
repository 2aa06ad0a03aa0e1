package org.baeum.enrollment.internal;

import java.time.Instant;
import java.util.List;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.ParticipationFacts;
import org.baeum.enrollment.PaymentState;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One document of {@code enrollments}, one component per stored field (more than ~10 on purpose: the record is the
 * stored shape, read and written by the driver's record codec, and every field name is one of
 * {@link EnrollmentRepository}'s constants; grouping the components into nested records would store nested documents
 * and need a migration of every entry, so the parts are grouped where they are used instead: {@link #fee()} here,
 * {@link org.baeum.enrollment.Enrollment}'s parts for everyone outside the feature).
 *
 * <p>{@code activeKey} ({@code offering|participant}) is set only while the entry
 * is active and carries a unique sparse index: one active entry per participant and offering. {@code idemKey}
 * ({@code household|Idempotency-Key}) is unique too: a replayed command finds the first answer. Waitlist order is
 * {@code rank} then {@code ticket}; staff move an entry by changing its rank.
 * {@code refund} is what an ending of a paid enrolment recorded under the statutory rule ({@code refundAmount} repeats
 * its amount, as entries stored before the rule had only that), and when staff paid it out.
 * {@code seatReleasePending} is set while an ending is not finished: its seat to give back, its mail to add (a crash
 * there is finished by the sweep).
 * {@code facts} are what reports group the entry by, set when the entry is made ({@link EntryFacts}) and kept when the
 * account is deleted (with a new random person key); entries stored before them get them from
 * {@link ParticipationFactsMigration} at start-up.
 */
public record EnrollmentDocument(
        @BsonId String id,
        String offeringId,
        String termId,
        String offeringTitleKo,
        String offeringTitleEn,
        String participantId,
        String householdId,
        String participantName,
        EnrollmentStatus status,
        String activeKey,
        String idemKey,
        Long ticket,
        Double rank,
        Integer positionAtJoin,
        Instant offeredAt,
        Instant offerExpiresAt,
        long baseFee,
        String reductionCode,
        String reductionNameKo,
        String reductionNameEn,
        int reductionPercent,
        long amount,
        PaymentState payment,
        long refundAmount,
        RefundDocument refund,
        Instant createdAt,
        Instant enrolledAt,
        Instant endedAt,
        String endReason,
        String actorId,
        boolean assisted,
        Boolean seatReleasePending,
        List<HistoryItem> history,
        ParticipationFacts facts) {

    /** The fee kept on the entry. */
    public org.baeum.enrollment.Fee fee() {
        return new org.baeum.enrollment.Fee(baseFee, reductionCode, reductionNameKo, reductionNameEn, reductionPercent,
                amount);
    }
}
