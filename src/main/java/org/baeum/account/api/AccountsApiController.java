package org.baeum.account.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.baeum.account.District;
import org.baeum.account.RegistrationService;
import org.baeum.account.SignUpRequest;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up and password reset for apps. Same rules and mail as the web forms.
 * <ul>
 *   <li>{@code POST /api/v1/accounts}: {@code 201 {"id", "verificationMailSent"}}, or {@code 400 {"error", "fields":
 *   {field: message}}} with a translated message per field ({@code Accept-Language}); nothing is stored then.</li>
 *   <li>{@code POST /api/v1/auth/password-reset} with {@code {"email"}}: always {@code 202}, whether or not the
 *   address is known.</li>
 * </ul>
 * These names are a contract: extend them, do not rename them.
 */
@RestController
class AccountsApiController {

    /** The sign-up body. {@code birthDate} is ISO ({@code 1980-05-17}); {@code district} a {@link District} name. */
    record SignUpBody(String name, String email, String mobile, String birthDate, String district, String language,
                      String password, Boolean privacyConsent) {
    }

    record Created(String id, boolean verificationMailSent) {
    }

    record ResetBody(String email) {
    }

    private final RegistrationService registration;
    private final Messages messages;

    AccountsApiController(RegistrationService registration, Messages messages) {
        this.registration = registration;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/accounts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> signUp(@RequestBody(required = false) SignUpBody body, Locale locale) {
        SignUpBody b = body == null ? new SignUpBody(null, null, null, null, null, null, null, null) : body;
        Map<String, String> fields = new LinkedHashMap<>();
        LocalDate birthDate = null;
        if (b.birthDate() != null && !b.birthDate().isBlank()) {
            try {
                birthDate = LocalDate.parse(b.birthDate().strip());
            } catch (java.time.DateTimeException e) {
                fields.put("birthDate", messages.get("account.birthDate.format", locale));
            }
        }
        District district = null;
        if (b.district() != null && !b.district().isBlank()) {
            try {
                district = District.valueOf(b.district().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fields.put("district", messages.get("account.district.invalid", locale));
            }
        }
        SignUpRequest request = new SignUpRequest(b.name(), b.email(), b.mobile(), birthDate, district, b.language(),
                b.password(), Boolean.TRUE.equals(b.privacyConsent()));
        try {
            if (fields.isEmpty()) {
                var result = registration.signUp(request);
                return ResponseEntity.created(URI.create("/api/v1/me"))
                        .body(new Created(result.id().value(), result.mailSent()));
            }
            // report the format problems together with every other rule, still storing nothing
            registration.signUp(new SignUpRequest(b.name(), b.email(), b.mobile(), null, null, b.language(),
                    b.password(), Boolean.TRUE.equals(b.privacyConsent())));
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                fields.merge(p.field(), messages.get(p.messageKey(), locale, p.arguments().toArray()),
                        (x, y) -> x.equals(y) ? x : x + " " + y);
            }
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", "invalid_request");
        error.put("message", messages.get("form.invalid", locale));
        error.put("fields", fields);
        return ResponseEntity.badRequest().body(error);
    }

    @PostMapping(path = "/api/v1/auth/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> passwordReset(@RequestBody(required = false) ResetBody body) {
        registration.requestPasswordReset(body == null ? null : body.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }
}
