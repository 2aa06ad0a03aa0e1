package org.baeum.enrollment.internal;

import java.time.Instant;
import java.util.List;
import org.baeum.account.Participant;
import org.baeum.catalog.Offering;
import org.baeum.catalog.Publication;
import org.baeum.catalog.RecruitmentPhase;
import org.baeum.enrollment.CapRule;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.EnrollmentRules;

/**
 * Whether a participant may ask for a seat now, written once (no Spring, no database): the recruitment window and its
 * method, age and audience, a confirmed address, and the per-term caps. Each check throws the refusal the citizen is
 * shown; the order is the order the citizen would fix things in.
 */
public final class EligibilityCheck {

    private EligibilityCheck() {
    }

    /**
     * The offering takes first-come requests now: it is published, one of its recruitment phases is open, and that
     * phase is first come (a 추첨 phase takes applications for a draw, never first come; the phases the next issues
     * add are decided elsewhere). Before the first phase and in a gap between two, the next one's opening is named.
     *
     * @throws EnrollmentRefusedException CLOSED, NOT_OPEN (with the next opening) or LOTTERY_PHASE
     */
    public static void window(Offering o, Instant now) {
        if (o.publication() != Publication.PUBLISHED || !now.isBefore(o.recruitment().closesAt())) {
            throw new EnrollmentRefusedException(Reason.CLOSED);
        }
        RecruitmentPhase phase = o.recruitment().current(now);
        if (now.isBefore(phase.opensAt())) {
            throw new EnrollmentRefusedException(Reason.NOT_OPEN, phase.opensAt());
        }
        switch (phase.method()) {
            case FIRST_COME -> { }
            case LOTTERY -> throw new EnrollmentRefusedException(Reason.LOTTERY_PHASE);
            default -> throw new EnrollmentRefusedException(Reason.CLOSED);
        }
    }

    /**
     * The window ({@link #window}), then the participant: their age on the first session day fits the program, and
     * (unless staff confirm the person at the desk) the household's address is confirmed.
     *
     * @throws EnrollmentRefusedException CLOSED, NOT_OPEN, LOTTERY_PHASE, NOT_ELIGIBLE or NOT_VERIFIED
     */
    public static void check(Offering o, Participant p, boolean verified, Instant now) {
        window(o, now);
        if (p.birthDate() == null || !EnrollmentRules.ageFits(o.program(), p.ageOn(EnrollmentRules.ageDay(o)))) {
            throw new EnrollmentRefusedException(Reason.NOT_ELIGIBLE);
        }
        if (!verified) {
            throw new EnrollmentRefusedException(Reason.NOT_VERIFIED);
        }
    }

    /**
     * The caps that ADMIN set per term: the participant's active entries of the same kind ({@code mine}, in the
     * offering's term) must stay below each rule that applies. Counted only for a preview: an enrolment takes its
     * places under the caps atomically ({@code CapPlaces}) and is refused the same way.
     *
     * @throws EnrollmentRefusedException CAP_REACHED, with the cap
     */
    public static void caps(Offering o, List<CapRule> rules, List<Offering> mine) {
        for (CapRule rule : rules) {
            if (!rule.appliesTo(o.program().audience(), o.program().domain())) {
                continue;
            }
            long count = mine.stream().filter(x -> rule.appliesTo(x.program().audience(), x.program().domain())).count();
            if (count >= rule.max()) {
                throw new EnrollmentRefusedException(Reason.CAP_REACHED, rule.max());
            }
        }
    }

    /** Whether any rule applies to the offering (only then are the participant's other entries worth reading). */
    public static boolean anyCapApplies(Offering o, List<CapRule> rules) {
        return rules.stream().anyMatch(r -> r.appliesTo(o.program().audience(), o.program().domain()));
    }
}
