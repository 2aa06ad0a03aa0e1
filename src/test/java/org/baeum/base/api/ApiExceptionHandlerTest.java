package org.baeum.base.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.server.ResponseStatusException;

/** What the API-wide handler does with an exception a controller lets out (no Spring context needed). */
class ApiExceptionHandlerTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler((key, locale, args) -> key);

    @Test
    void an_unexpected_failure_in_the_api_is_a_json_500_that_says_nothing_of_the_cause() throws Exception {
        var answer = handler.unexpected(new IllegalStateException("secret detail"), api("/api/v1/me"), Locale.KOREAN);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).containsEntry("error", "internal_error").containsEntry("message", "api.internalError");
        assertThat(answer.getBody().toString()).doesNotContain("secret detail");
    }

    @Test
    void an_exception_with_its_own_status_keeps_it() throws Exception {
        var answer = handler.unexpected(new ResponseStatusException(HttpStatus.NOT_FOUND), api("/api/v1/x"), Locale.KOREAN);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody()).containsEntry("error", "not_found");
    }

    @Test
    void security_refusals_and_everything_outside_the_api_pass_on_unchanged() {
        AccessDeniedException denied = new AccessDeniedException("no");
        assertThatThrownBy(() -> handler.unexpected(denied, api("/api/v1/me"), Locale.KOREAN)).isSameAs(denied);
        BadCredentialsException bad = new BadCredentialsException("no");
        assertThatThrownBy(() -> handler.unexpected(bad, api("/api/v1/me"), Locale.KOREAN)).isSameAs(bad);
        IllegalStateException ui = new IllegalStateException("ui");
        assertThatThrownBy(() -> handler.unexpected(ui, api("/catalog"), Locale.KOREAN)).isSameAs(ui);
        assertThatThrownBy(() -> handler.unexpected(ui, api("/apiary"), Locale.KOREAN)).isSameAs(ui);
    }

    private static MockHttpServletRequest api(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }
}
