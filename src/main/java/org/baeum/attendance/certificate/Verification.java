package org.baeum.attendance.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What anyone may learn from a verification code: whether the certificate stands or was revoked (and when), the
 * program, the term, the hours, the issue date and the holder's name masked (김*용). Nothing else about the holder.
 */
public record Verification(
        boolean valid,
        String number,
        String programKo,
        String programEn,
        String term,
        double hours,
        LocalDate issuedOn,
        String holderMasked,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
