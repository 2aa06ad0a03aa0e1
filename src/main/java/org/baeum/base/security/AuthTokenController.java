package org.baeum.base.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.i18n.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/token} with {@code {"username", "password"}} gives {@code {"token", "expiresAt"}}
 * for {@code Authorization: Bearer} calls. A contract other tools depend on: extend it, do not rename it.
 * Same throttling and the same generic refusal as the sign-in form.
 */
@RestController
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthTokenController {

    record TokenRequest(String username, String password) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    private final AuthenticationManager authenticationManager;
    private final ApiTokens tokens;
    private final Messages messages;
    private final Clock clock;

    AuthTokenController(AuthenticationManager authenticationManager, ApiTokens tokens, Messages messages, Clock clock) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> token(@RequestBody(required = false) TokenRequest body, HttpServletRequest request, Locale locale) {
        if (body == null || isBlank(body.username()) || isBlank(body.password())) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", messages.get("login.error.missing", locale));
        }
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(body.username().trim(), body.password());
        attempt.setDetails(ClientAddressDetails.of(request));
        try {
            Authentication auth = authenticationManager.authenticate(attempt);
            var issued = tokens.issue((BaeumUser) auth.getPrincipal());
            return ResponseEntity.ok()
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(new TokenResponse(issued.token(), issued.expiresAt()));
        } catch (LoginThrottledException e) {
            long seconds = Math.max(1, Duration.between(clock.instant(), e.until()).toSeconds());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(Map.of("error", "too_many_attempts", "message", messages.get("login.error.throttled", locale)));
        } catch (AuthenticationException e) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_credentials", messages.get("login.error.credentials", locale));
        }
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
