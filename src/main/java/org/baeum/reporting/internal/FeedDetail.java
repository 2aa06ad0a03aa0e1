package org.baeum.reporting.internal;

import java.time.Instant;
import org.baeum.enrollment.EnrollmentStatus;

/** One detail row of the funnel: it names the participant, so reading it is written to the access log by the source. */
public record FeedDetail(String enrollmentId, String offeringId, String offeringTitle, String participantName,
                         EnrollmentStatus status, boolean paid, long baseFee, String reductionCategory, long amount,
                         long refundAmount, Instant createdAt, Instant endedAt) {
}
