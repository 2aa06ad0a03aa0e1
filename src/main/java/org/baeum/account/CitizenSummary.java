package org.baeum.account;

/** A citizen in a staff list: masked name, email and mobile (PIPA); the full record opens in a detail view. */
public record CitizenSummary(AccountId id, String maskedName, String maskedEmail, String maskedMobile,
                             int birthYear, District district, boolean emailVerified, boolean enabled) {
}
