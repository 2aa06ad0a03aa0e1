package org.baeum.enrollment;

import java.time.Clock;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.base.domain.Masking;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.enrollment.internal.FeeQuotes;
import org.springframework.stereotype.Component;

/** The one mapping from a stored entry to the public {@link Enrollment}. */
@Component
class EnrollmentMapper {

    private final EnrollmentRepository enrollments;
    private final CatalogService catalog;
    private final FeeQuotes fees;
    private final Clock clock;

    EnrollmentMapper(EnrollmentRepository enrollments, CatalogService catalog, FeeQuotes fees, Clock clock) {
        this.enrollments = enrollments;
        this.catalog = catalog;
        this.fees = fees;
        this.clock = clock;
    }

    /** The entry with its current place in line (one count) while waiting; {@code masked}: the name masked. */
    Enrollment toEnrollment(EnrollmentDocument d, boolean masked) {
        return toEnrollment(d, masked, true);
    }

    Enrollment toEnrollment(EnrollmentDocument d, boolean masked, boolean countPosition) {
        Integer position = null;
        if (countPosition && d.status() == EnrollmentStatus.WAITLISTED && d.rank() != null && d.ticket() != null) {
            position = (int) enrollments.waitingAhead(d.offeringId(), d.rank(), d.ticket()) + 1;
        }
        return new Enrollment(new EnrollmentId(d.id()), new OfferingId(d.offeringId()), d.offeringTitleKo(),
                d.offeringTitleEn(), new ParticipantId(d.participantId()),
                masked ? Masking.name(d.participantName()) : d.participantName(), new AccountId(d.householdId()),
                d.status(), position, d.positionAtJoin(), d.offerExpiresAt(), shownFee(d), d.payment(), d.refundAmount(),
                d.createdAt(), d.enrolledAt(), d.endedAt(), d.endReason(), d.assisted(), d.history(),
                d.refund() == null ? null : new RefundOwed(d.refund().refund(), d.refund().paidOutAt()));
    }

    /**
     * The answer to a request for a seat: a waiting entry shows the place it was given when it joined (no count of
     * the line, which the 10:00 rush could not afford per request, and which is what the first answer said).
     */
    Enrollment answer(EnrollmentDocument d) {
        Enrollment e = toEnrollment(d, false, false);
        return d.status() == EnrollmentStatus.WAITLISTED ? withPosition(e, d.positionAtJoin()) : e;
    }

    static Enrollment withPosition(Enrollment e, Integer position) {
        return new Enrollment(e.id(), e.offering(), e.offeringTitleKo(), e.offeringTitleEn(), e.participant(),
                e.participantName(), e.household(), e.status(), position, e.positionAtJoin(), e.offerExpiresAt(), e.fee(),
                e.payment(), e.refundAmount(), e.createdAt(), e.enrolledAt(), e.endedAt(), e.endReason(), e.assisted(),
                e.history(), e.refund());
    }

    /** An open offer shows what accepting it would charge ({@link FeeQuotes#offerFee}); others their own fee. */
    private Fee shownFee(EnrollmentDocument d) {
        if (d.status() != EnrollmentStatus.OFFERED) {
            return d.fee();
        }
        return catalog.offering(new OfferingId(d.offeringId())).map(o -> fees.offerFee(d, o, clock.instant()))
                .orElseGet(d::fee);
    }
}
