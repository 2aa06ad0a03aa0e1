package org.baeum.account;

import java.time.LocalDate;

/**
 * What a citizen enters to sign up, on the form or through {@code POST /api/v1/accounts}. Never a resident
 * registration number.
 *
 * @param mobile         optional; any of 010-1234-5678, 01012345678, 010 1234 5678
 * @param language       {@code ko} or {@code en}; Korean when empty
 * @param privacyConsent consent to the collection and use of personal data as the notice describes (PIPA art. 15)
 */
public record SignUpRequest(String name, String email, String mobile, LocalDate birthDate, District district,
                            String language, String password, boolean privacyConsent) {

    @Override
    public String toString() {
        return "SignUpRequest[email=" + email + ", district=" + district + "]";
    }
}
