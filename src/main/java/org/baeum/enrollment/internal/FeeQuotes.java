package org.baeum.enrollment.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.baeum.account.EligibilityService;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.Fee;
import org.springframework.stereotype.Component;

/** The fee a participant is quoted ({@link Pricing}), with their verified reductions read from the account feature. */
@Component
public class FeeQuotes {

    private final EligibilityService eligibility;
    private final HouseholdService households;

    FeeQuotes(EligibilityService eligibility, HouseholdService households) {
        this.eligibility = eligibility;
        this.households = households;
    }

    /** The fee for the participant on a day: the best reduction verified for that day, if the program allows any. */
    public Fee fee(Offering o, Participant p, LocalDate day) {
        return Pricing.fee(o.program(), () -> eligibility.bestReductionFor(p, day));
    }

    /**
     * What accepting this offer charges at {@code now} (and what it shows while it runs), {@link Pricing#offerFee}.
     * Reads the participant as the system: staff and links look at offers of other households.
     */
    public Fee offerFee(EnrollmentDocument e, Offering o, Instant now) {
        Fee kept = e.fee();
        Participant participant = SystemIdentity.call(() -> participantOf(e));
        if (participant == null) {
            return kept;
        }
        Fee today = SystemIdentity.call(() -> fee(o, participant, LocalDate.ofInstant(now, Formats.SEOUL)));
        return Pricing.offerFee(kept, today);
    }

    private Participant participantOf(EnrollmentDocument e) {
        try {
            return households.participant(new ParticipantId(e.participantId()));
        } catch (RuntimeException unknown) { // removed, or the account was deleted
            return null;
        }
    }
}
