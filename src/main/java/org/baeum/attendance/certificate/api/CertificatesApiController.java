package org.baeum.attendance.certificate.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.certificate.Verification;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificates over the API (decision 0032):
 * <ul>
 *   <li>{@code GET /api/v1/certificates/{code}} (public): {@code {"valid", "program", "term", "hours", "issuedOn",
 *   "holder"}} with the holder's name masked, plus {@code number}, {@code programEn}, {@code revoked} and
 *   {@code revokedOn}; a revoked certificate answers 200 with {@code valid} false; an unknown code 404.</li>
 *   <li>{@code GET /api/v1/certificates/{code}/pdf} (its holder's household, STAFF): the PDF; 403 for another
 *   household, 404 for an unknown code.</li>
 *   <li>{@code POST /api/v1/certificates/{code}/revoke} with {@code {"reason"}} (STAFF, ADMIN): revokes it and answers
 *   the verification above ({@code valid} false); 400 {@code {"error", "fields": {"reason"}}} for an empty reason or one
 *   over 500 characters, 404 for an unknown code, 409 {@code already_revoked} for one revoked before.</li>
 * </ul>
 */
@RestController
class CertificatesApiController {

    private final Certificates certificates;
    private final Messages messages;

    CertificatesApiController(Certificates certificates, Messages messages) {
        this.certificates = certificates;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/certificates/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> verify(@PathVariable String code, Locale locale) {
        return certificates.verify(code).<ResponseEntity<Map<String, Object>>>map(v -> ResponseEntity.ok(body(v, locale)))
                .orElseGet(() -> unknown(locale));
    }

    @GetMapping(path = "/api/v1/certificates/{code}/pdf")
    ResponseEntity<?> pdf(@PathVariable String code, Locale locale) {
        return certificates.pdf(code).<ResponseEntity<?>>map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("certificate-" + code.strip().toUpperCase(Locale.ROOT) + ".pdf").build().toString())
                        .body(bytes))
                .orElseGet(() -> unknown(locale));
    }

    record RevokeBody(String reason) {
    }

    @PostMapping(path = "/api/v1/certificates/{code}/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String code, @RequestBody(required = false) RevokeBody body,
                                               Locale locale) {
        // the service checks the caller first (@PreAuthorize), then the reason, then the code
        boolean revoked = certificates.revoke(code, body == null ? null : body.reason());
        Optional<Verification> now = certificates.verify(code);
        if (now.isEmpty()) {
            return unknown(locale);
        }
        if (!revoked) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", messages.get("certificate.revoke.already", locale));
            error.put("code", "already_revoked");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(error);
        }
        return ResponseEntity.ok(body(now.get(), locale));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            fields.put(p.field(), messages.get(p.messageKey(), locale, p.arguments().toArray()));
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", messages.get("validation.summary", locale));
        error.put("fields", fields);
        return ResponseEntity.badRequest().body(error);
    }

    private static Map<String, Object> body(Verification v, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", v.valid());
        body.put("program", Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? v.programEn() : v.programKo());
        body.put("term", v.term());
        body.put("hours", v.hours());
        body.put("issuedOn", v.issuedOn().toString());
        body.put("holder", v.holderMasked());
        body.put("number", v.number());
        body.put("programKo", v.programKo());
        body.put("programEn", v.programEn());
        body.put("revoked", v.revoked());
        body.put("revokedOn", v.revoked() ? LocalDate.ofInstant(v.revokedAt(), Formats.SEOUL).toString() : null);
        return body;
    }

    private ResponseEntity<Map<String, Object>> unknown(Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", messages.get("certificate.verify.unknownText", locale));
        body.put("code", "unknown_certificate");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
}
