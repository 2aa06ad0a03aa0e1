package org.baeum.account;

/** Where a fee-reduction claim stands. {@code EXPIRED} is an approved claim past its validity end date. */
public enum EligibilityStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN, EXPIRED;

    public String messageKey() {
        return "eligibility.status." + name();
    }
}
