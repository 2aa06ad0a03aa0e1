package org.baeum.account;

import java.util.List;

/** Past-tense events of the account feature, published after the change is stored. */
public final class AccountEvents {

    private AccountEvents() {
    }

    public record AccountSignedUp(AccountId account) {
    }

    public record EmailVerified(AccountId account) {
    }

    /** A citizen added a dependant to their household (published in their request, as them). */
    public record DependantAdded(Dependant dependant) {
    }

    /**
     * A citizen deleted their account. Features holding records of these participants keep only anonymised facts
     * (no names, no contact data) for statistics.
     */
    public record AccountDeleted(AccountId account, List<ParticipantId> participants) {
    }

    public record EligibilityDecided(String claimId, ParticipantId participant, String category,
                                     EligibilityStatus status) {
    }
}
