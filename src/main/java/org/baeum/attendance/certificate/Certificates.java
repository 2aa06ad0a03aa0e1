package org.baeum.attendance.certificate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.attendance.certificate.internal.CertificateDocument;
import org.baeum.attendance.certificate.internal.CertificatePdf;
import org.baeum.attendance.certificate.internal.CertificateRepository;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.domain.Masking;
import org.baeum.base.i18n.Formats;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Certificates of completion (decision 0032): the portal or STAFF issue one with a yearly number and an unguessable
 * verification code; its holder's household and STAFF download it as a PDF; anyone verifies a code (the holder's name
 * masked); STAFF revoke one with a reason, which is stored and logged.
 */
@Service
public class Certificates {

    private static final Logger log = LoggerFactory.getLogger(Certificates.class);
    /** RFC 4648 base32 letters: no 0/1/8/9, so a code read aloud or typed from paper is not mistaken. */
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** 12 letters of 5 bits: 60 random bits. */
    public static final int CODE_LENGTH = 12;
    private static final Pattern CODE = Pattern.compile("[A-Z2-7]{" + CODE_LENGTH + "}");
    public static final int MAX_REASON = 500;
    private static final int ATTEMPTS = 5;

    private final CertificateRepository certificates;
    private final CertificatePdf pdf;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    Certificates(CertificateRepository certificates, CertificatePdf pdf, CurrentUser currentUser, Clock clock,
                 @Value("${baeum.public-url}") String publicUrl) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.currentUser = currentUser;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Issues a certificate: the next number of the year ({@code BAEUM-2026-000123}) and a fresh verification code.
     *
     * @throws InvalidInputException when the draft misses or overfills a field; nothing is stored then
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Certificate issue(CertificateDraft draft) {
        draft.check();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Formats.SEOUL);
        String number = "BAEUM-%d-%06d".formatted(today.getYear(), certificates.nextNumber(today.getYear()));
        String by = currentUser.require().accountId();
        for (int attempt = 1; ; attempt++) {
            CertificateDocument doc = new CertificateDocument(number, newCode(), draft.household().value(),
                    draft.participant().value(), draft.holderName().strip(), draft.birthDate(), draft.programKo().strip(),
                    draft.programEn().strip(), draft.term().strip(), draft.from(), draft.to(), draft.hours(),
                    draft.sessions(), draft.centre().strip(), today, now, by, null, null, null);
            try {
                certificates.insert(doc);
                log.info("Certificate {} issued to participant {} of household {} by {}", number,
                        doc.participantId(), doc.householdId(), by);
                return toCertificate(doc);
            } catch (DuplicateKeyException taken) { // a code drawn twice in 2^60: draw again
                if (attempt == ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    /**
     * Issues a certificate unless its participant already holds a valid one for the same program and period, which is
     * returned instead: for the portal's confirmation, so that issuing again after a crash gives no second one.
     *
     * @throws InvalidInputException when the draft misses or overfills a field; nothing is stored then
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Certificate issueOnce(CertificateDraft draft) {
        draft.check();
        Optional<CertificateDocument> issued = certificates.findValid(draft.participant().value(),
                draft.programKo().strip(), draft.from(), draft.to());
        if (issued.isPresent()) {
            log.info("Certificate {} was issued already; not issued again", issued.get().number());
            return toCertificate(issued.get());
        }
        return issue(draft);
    }

    /**
     * The certificate as an A4 PDF, for its holder's household or STAFF.
     *
     * @return empty for a code no certificate has
     * @throws AccessDeniedException for a citizen of another household
     */
    @PreAuthorize("hasAnyRole('CITIZEN','STAFF','ADMIN')")
    public Optional<byte[]> pdf(String code) {
        Optional<CertificateDocument> doc = find(code);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        BaeumUser user = currentUser.require();
        boolean desk = user.hasRole(Role.STAFF) || user.hasRole(Role.ADMIN);
        if (!desk && !doc.get().householdId().equals(user.accountId())) {
            log.warn("Certificate {} refused to {}: another household's", doc.get().number(), user.accountId());
            throw new AccessDeniedException("Not your household's certificate");
        }
        return Optional.of(pdf.render(toCertificate(doc.get()), verificationUrl(doc.get().code())));
    }

    /** Whether a code is a certificate's, for anyone: empty for an unknown (or malformed) code. */
    @PreAuthorize("permitAll()")
    public Optional<Verification> verify(String code) {
        return find(code).map(d -> new Verification(d.revokedAt() == null, d.number(), d.programKo(), d.programEn(),
                d.term(), d.hours(), d.issuedOn(), Masking.name(d.holderName()), d.revokedAt()));
    }

    /**
     * Revokes a certificate, for STAFF: its code then verifies as revoked. The reason is stored and logged.
     *
     * @return false for an unknown code or one revoked already
     * @throws InvalidInputException without a reason (or one over 500 characters)
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public boolean revoke(String code, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "certificate.error.reason");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "certificate.error.long");
        }
        Optional<CertificateDocument> doc = find(code);
        String by = currentUser.require().accountId();
        if (doc.isEmpty() || !certificates.markRevoked(doc.get().code(), clock.instant(), by, reason.strip())) {
            return false;
        }
        // the reason is free text and may name people: only its length goes to the log (it is stored with the certificate)
        log.info("Certificate {} revoked by {} (reason of {} characters)", doc.get().number(), by,
                reason.strip().length());
        return true;
    }

    /**
     * The codes among these whose certificate is revoked (for the learning history and the degrees, which leave such
     * completions out); malformed and unknown codes are never in it. Like {@link #verify}, it tells nothing else.
     */
    @PreAuthorize("permitAll()")
    public Set<String> revokedAmong(Collection<String> codes) {
        List<String> wellFormed = codes.stream().filter(Certificates::wellFormed)
                .map(c -> c.strip().toUpperCase(Locale.ROOT)).toList();
        return wellFormed.isEmpty() ? Set.of() : certificates.revokedAmong(wellFormed);
    }

    /**
     * A certificate in full (the holder's name and birth date included), for STAFF at the desk.
     *
     * @return empty for an unknown (or malformed) code
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Optional<Certificate> lookUp(String code) {
        return find(code).map(Certificates::toCertificate);
    }

    /** The public address that verifies a code: {@code baeum.public-url}/certificates/{code}. */
    @PreAuthorize("permitAll()")
    public String verificationUrl(String code) {
        return publicUrl + "/certificates/" + code;
    }

    /** Whether the text could be a verification code (12 base32 letters, any case). */
    public static boolean wellFormed(String code) {
        return code != null && CODE.matcher(code.strip().toUpperCase(Locale.ROOT)).matches();
    }

    private Optional<CertificateDocument> find(String code) {
        if (!wellFormed(code)) {
            return Optional.empty();
        }
        return certificates.findByCode(code.strip().toUpperCase(Locale.ROOT));
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static Certificate toCertificate(CertificateDocument d) {
        CertificateDraft content = new CertificateDraft(new AccountId(d.householdId()),
                new ParticipantId(d.participantId()), d.holderName(), d.birthDate(), d.programKo(), d.programEn(),
                d.term(), d.periodFrom(), d.periodTo(), d.hours(), d.sessions(), d.centre());
        return new Certificate(d.number(), d.code(), content, d.issuedOn(), d.revokedAt(), d.revokedReason());
    }
}
