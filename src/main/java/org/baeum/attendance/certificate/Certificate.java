package org.baeum.attendance.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued certificate of completion: its public number ({@code BAEUM-2026-000123}), the unguessable verification
 * code that its URL and QR code carry, what it states ({@link CertificateDraft}), when it was issued and, once STAFF
 * revoked it, when and why.
 */
public record Certificate(
        String number,
        String code,
        CertificateDraft content,
        LocalDate issuedOn,
        Instant revokedAt,
        String revokedReason) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
