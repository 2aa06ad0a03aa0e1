package org.baeum.attendance.certificate.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One document of {@code certificates}, keyed by its public number; field names are {@link CertificateRepository}'s
 * constants. {@code code} (the verification code) carries a unique index. {@code revokedAt}, {@code revokedBy} and
 * {@code revokedReason} are set once, when STAFF revoke it.
 */
public record CertificateDocument(
        @BsonId String number,
        String code,
        String householdId,
        String participantId,
        String holderName,
        LocalDate birthDate,
        String programKo,
        String programEn,
        String term,
        LocalDate periodFrom,
        LocalDate periodTo,
        Double hours,
        Integer sessions,
        String centre,
        LocalDate issuedOn,
        Instant issuedAt,
        String issuedBy,
        Instant revokedAt,
        String revokedBy,
        String revokedReason) {
}
