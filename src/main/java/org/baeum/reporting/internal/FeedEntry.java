package org.baeum.reporting.internal;

import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.catalog.Audience;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.EnrollmentStatus;

/**
 * One enrolment entry with the facts it kept when it was made ({@code enrollment.ParticipationFacts}). {@code person}
 * is an opaque key, the same for all entries of one participant (a dependant is a person); {@code district} may be
 * {@code null} (not known); {@code reductionCategory} is {@code null} when no reduction applied. {@code admitted}: the
 * entry got a seat (enrolled) at some time; {@code cancelled}: it ended by a cancellation (the citizen's, staff's or the
 * centre's).
 */
public record FeedEntry(String enrollmentId, String offeringId, String person, AgeBand ageBand, District district,
                        boolean resident, String reductionCategory, Audience audience, TermType termType,
                        EnrollmentStatus status, boolean admitted, boolean paid, long baseFee, long amount,
                        long refundAmount, boolean cancelled) {

    /** A reduction was granted: the amount charged is below the base fee. */
    public boolean reduced() {
        return amount < baseFee;
    }
}
