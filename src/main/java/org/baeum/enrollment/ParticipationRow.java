package org.baeum.enrollment;

import java.time.Instant;
import org.baeum.catalog.OfferingId;

/**
 * One entry as reports count it ({@link ParticipationSource#forEachOfYear}): its facts and where it stands, nothing
 * that names a person ({@code facts.person} is an opaque key).
 *
 * @param facts        what reports group by, kept from when the entry was made
 * @param status       where the entry stands now
 * @param admitted     the entry held a seat as ENROLLED at some time (it has an {@code enrolledAt}: enrolled at
 *                     once, or an accepted offer), whatever it became later (e.g. CANCELLED)
 * @param payment      the fee's state now
 * @param baseFee      the offering's fee, KRW
 * @param amount       what was charged after the reduction, KRW
 * @param refundAmount what an ending recorded as owed back, KRW, as stored (0: none)
 * @param cancelled    an admission ended by a cancellation: status {@link EnrollmentStatus#CANCELLED}, which only an
 *                     ENROLLED entry reaches, when the citizen or staff cancel it, the centre cancels the class, or the
 *                     account is deleted (the citizen's own choice). Not a cancellation: an offer declined, let run out
 *                     or withdrawn (DECLINED, EXPIRED, WITHDRAWN: never admitted), a waitlist entry that left (LEFT),
 *                     and an enrolment released because its fee was not paid by the deadline (RELEASED)
 * @param createdAt    when the entry was made (applied)
 */
public record ParticipationRow(EnrollmentId id, OfferingId offering, ParticipationFacts facts, EnrollmentStatus status,
                               boolean admitted, PaymentState payment, long baseFee, long amount, long refundAmount,
                               boolean cancelled, Instant createdAt) {
}
