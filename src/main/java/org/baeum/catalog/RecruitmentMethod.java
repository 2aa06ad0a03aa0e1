package org.baeum.catalog;

import java.util.List;

/**
 * How one recruitment phase (모집 단계) gives out seats; translated as {@code recruitment.method.<NAME>} and, as the
 * name of a phase, {@code recruitment.phase.<NAME>}.
 */
public enum RecruitmentMethod {
    /** 선착순: whoever applies first while the phase is open takes a free seat, then the waitlist. */
    FIRST_COME,
    /** 추첨: citizens apply while the phase is open; after it closes a draw decides who gets the seats. */
    LOTTERY,
    /**
     * 재등록: learners of the offering's previous run (the same program in the term before) keep their seat by
     * registering again before anyone else. Reserved for the next issue: staff cannot choose it yet.
     */
    RE_REGISTRATION,
    /**
     * 우선 모집: part of the capacity is set aside for a named group (e.g. fee-reduction recipients, a partner school)
     * who apply in this phase. Reserved for the next issue: staff cannot choose it yet.
     */
    RESERVED;

    /** The methods staff may plan with today; the others are shown when stored but not offered. */
    public static List<RecruitmentMethod> plannable() {
        return List.of(FIRST_COME, LOTTERY);
    }

    public boolean isPlannable() {
        return plannable().contains(this);
    }
}
