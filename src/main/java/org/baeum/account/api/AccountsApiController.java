package org.baeum.account.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.account.AccountRules;
import org.baeum.account.District;
import org.baeum.account.RegistrationService;
import org.baeum.account.SignUpRequest;
import org.baeum.account.SignUpThrottledException;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up and password reset for apps. Same rules and mail as the web forms.
 * <ul>
 *   <li>{@code POST /api/v1/accounts}: {@code 202 {"message"}} whether the address is new or already has an account
 *   (the same status and bytes for both; a new address gets the verification link, a taken one a note to its owner),
 *   {@code 400 {"error", "message", "fields": {field: message}}} with a translated message per field
 *   ({@code Accept-Language}; nothing is stored then), or {@code 429 {"error", "message"}} with {@code Retry-After}
 *   when too many sign-ups came from the client address or with the email address.</li>
 *   <li>{@code POST /api/v1/auth/password-reset} with {@code {"email"}}: always {@code 202}, whether or not the
 *   address is known.</li>
 * </ul>
 * These names are a contract: extend them, do not rename them.
 */
@RestController
@Tag(name = "Accounts", description = "Sign-up and password reset")
class AccountsApiController {

    /**
     * The sign-up body. {@code birthDate} is ISO ({@code 1980-05-17}); {@code district} a {@link District} code
     * ({@code MAPO}) or its Korean or English name as the form shows it ({@code 마포구}, {@code Mapo-gu}).
     */
    record SignUpBody(String name, String email, String mobile, String birthDate, String district, String language,
                      String password, Boolean privacyConsent) {
    }

    /** The one answer to an accepted sign-up, the same whether or not the address already had an account. */
    record Accepted(String message) {
    }

    record ResetBody(String email) {
    }

    private final RegistrationService registration;
    private final Messages messages;
    private final Clock clock;

    AccountsApiController(RegistrationService registration, Messages messages, Clock clock) {
        this.registration = registration;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/accounts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign a citizen up",
            description = "Same fields and rules as the form. The answer is the same 202 whether the address is new "
                    + "(it gets the verification link) or already has an account (its owner gets a note instead): "
                    + "check the mail. Sign-ups per email address and per client address are limited.")
    @ApiResponse(responseCode = "202", description = "Taken; what happens next is in the mail",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "400", description = "{\"error\": \"invalid_request\", \"message\", \"fields\": "
            + "{field: message}}; nothing stored", content = @Content)
    @ApiResponse(responseCode = "429", description = "{\"error\": \"too_many_requests\", \"message\"} with Retry-After "
            + "(seconds); nothing stored or sent", content = @Content)
    ResponseEntity<?> signUp(@RequestBody(required = false) SignUpBody body, HttpServletRequest http, Locale locale) {
        SignUpBody b = body == null ? new SignUpBody(null, null, null, null, null, null, null, null) : body;
        Map<String, String> fields = new LinkedHashMap<>();
        LocalDate birthDate = null;
        if (b.birthDate() != null && !b.birthDate().isBlank()) {
            try {
                birthDate = LocalDate.parse(b.birthDate().strip());
            } catch (DateTimeException e) {
                fields.put("birthDate", messages.get("account.birthDate.format", locale));
            }
        }
        District district = null;
        if (b.district() != null && !b.district().isBlank()) {
            district = district(b.district());
            if (district == null) {
                fields.put("district", messages.get("account.district.invalid", locale));
            }
        }
        SignUpRequest request = new SignUpRequest(b.name(), b.email(), b.mobile(), birthDate, district, b.language(),
                b.password(), Boolean.TRUE.equals(b.privacyConsent()));
        try {
            if (fields.isEmpty()) {
                registration.signUp(request, http.getRemoteAddr());
                return ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new Accepted(messages.get("signup.accepted", locale)));
            }
            // a value that could not be read is reported as such, not as missing; every other rule is reported too
            List<FieldProblem> problems = AccountRules.signUp(request, LocalDate.now(clock)).stream()
                    .filter(p -> !fields.containsKey(p.field())).toList();
            throw new InvalidInputException(problems);
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                fields.merge(p.field(), messages.get(p.messageKey(), locale, p.arguments().toArray()),
                        (x, y) -> x.equals(y) ? x : x + " " + y);
            }
        } catch (SignUpThrottledException e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                    .body(Map.of("error", "too_many_requests",
                            "message", messages.get("signup.throttled", locale, e.retryAfterMinutes())));
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", "invalid_request");
        error.put("message", messages.get("form.invalid", locale));
        error.put("fields", fields);
        return ResponseEntity.badRequest().body(error);
    }

    /** A district by its code ({@code MAPO}) or by the name the form shows in Korean or English; null if none. */
    private District district(String value) {
        String v = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        for (District d : District.values()) {
            if (d.name().equalsIgnoreCase(v) || messages.get(d.messageKey(), Locale.KOREAN).equals(v)
                    || messages.get(d.messageKey(), Locale.ENGLISH).equalsIgnoreCase(v)) {
                return d;
            }
        }
        return null;
    }

    @PostMapping(path = "/api/v1/auth/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> passwordReset(@RequestBody(required = false) ResetBody body) {
        registration.requestPasswordReset(body == null ? null : body.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }
}
