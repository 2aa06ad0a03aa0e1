package org.baeum.enrollment;

import java.time.Clock;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.base.domain.Masking;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentLists;
import org.baeum.enrollment.internal.FeeQuotes;
import org.springframework.stereotype.Component;

/** The one mapping from a stored entry to the public {@link Enrollment}. */
@Component
class EnrollmentMapper {

    private final EnrollmentLists lists;
    private final CatalogService catalog;
    private final FeeQuotes fees;
    private final Clock clock;

    EnrollmentMapper(EnrollmentLists lists, CatalogService catalog, FeeQuotes fees, Clock clock) {
        this.lists = lists;
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
            position = (int) lists.waitingAhead(d.offeringId(), d.rank(), d.ticket()) + 1;
        }
        return new Enrollment(new EnrollmentId(d.id()), new OfferingId(d.offeringId()),
                new Enrollment.Title(d.offeringTitleKo(), d.offeringTitleEn()),
                new Enrollment.Who(new ParticipantId(d.participantId()),
                        masked ? Masking.name(d.participantName()) : d.participantName(), new AccountId(d.householdId())),
                d.status(), new Enrollment.Line(position, d.positionAtJoin(), d.offerExpiresAt()),
                new Enrollment.Charge(shownFee(d), d.payment(), d.enrolledAt()),
                new Enrollment.Ending(d.endedAt(), d.endReason(), d.refundAmount(),
                        d.refund() == null ? null : new RefundOwed(d.refund().refund(), d.refund().paidOutAt())),
                d.createdAt(), d.assisted(), d.history());
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
        return e.withWaitlistPosition(position);
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
