package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baeum.BaeumIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security headers of every kind of answer, over real HTTP (decision 0019): the UI's Content-Security-Policy with a
 * fresh script nonce, the API's and the actuator's strict one, nosniff everywhere, and over https (a proxy's
 * {@code X-Forwarded-Proto}, which the test profile trusts as {@code BAEUM_FORWARD_HEADERS=native} does) a Secure
 * session cookie and HSTS.
 */
@BaeumIntegrationTest
class SecurityHeadersTest {

    static final String CSP = "Content-Security-Policy";
    static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/login", "/catalog"})
    void ui_pages_have_a_nonce_policy_without_inline_scripts_and_the_other_headers(String path) throws Exception {
        HttpResponse<String> page = get(path, false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
        assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain http").isEmpty();

        assertThat(page.headers().allValues(CSP)).hasSize(1);
        Map<String, List<String>> policy = directives(page.headers().firstValue(CSP).orElseThrow());
        String nonce = nonce(policy);
        assertThat(policy).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("default-src", List.of("'self'")),
                Map.entry("script-src", List.of("'self'", "'nonce-" + nonce + "'", "'unsafe-eval'")),
                Map.entry("style-src", List.of("'self'", "'unsafe-inline'")),
                Map.entry("img-src", List.of("'self'", "data:")),
                Map.entry("font-src", List.of("'self'", "data:")),
                Map.entry("connect-src", List.of("'self'")),
                Map.entry("frame-src", List.of("'self'")),
                Map.entry("object-src", List.of("'none'")),
                Map.entry("base-uri", List.of("'self'")),
                Map.entry("form-action", List.of("'self'")),
                Map.entry("frame-ancestors", List.of("'self'"))));

        // every script of Vaadin's bootstrap page carries the nonce, or the browser would not run it
        Matcher scripts = SCRIPT_TAG.matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group()).as("script tag on " + path).contains("nonce=\"" + nonce + "\"");
        }
        assertThat(count).as("script tags on " + path).isGreaterThanOrEqualTo(3);
    }

    @Test
    void every_page_gets_a_new_nonce() throws Exception {
        String first = nonce(directives(get("/", false).headers().firstValue(CSP).orElseThrow()));
        String second = nonce(directives(get("/", false).headers().firstValue(CSP).orElseThrow()));
        assertThat(first).isNotEqualTo(second);
        assertThat(first).matches("[A-Za-z0-9+/]{22}==");
    }

    @Test
    void ui_refusals_and_redirects_have_the_headers_too() throws Exception {
        HttpResponse<String> redirect = get("/staff/outbox", false);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(redirect.headers().firstValue(CSP)).get().asString().contains("object-src 'none'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/offerings", "/api/v1/me", "/actuator/health", "/actuator/info"})
    void api_and_actuator_answers_have_the_strict_policy_and_nosniff(String path) throws Exception {
        HttpResponse<String> answer = get(path, false);
        int expected = path.equals("/api/v1/me") || path.equals("/actuator/info") ? 401 : 200;
        assertThat(answer.statusCode()).isEqualTo(expected);
        assertThat(answer.headers().allValues(CSP)).containsExactly("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(answer.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void over_https_the_session_cookie_is_secure_and_hsts_is_sent() throws Exception {
        HttpResponse<String> page = get("/login", true);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(page)).contains("; Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(page.headers().allValues("Strict-Transport-Security")).containsExactly("max-age=31536000 ; includeSubDomains");

        HttpResponse<String> api = get("/api/v1/offerings", true);
        assertThat(api.headers().allValues("Strict-Transport-Security")).containsExactly("max-age=31536000 ; includeSubDomains");
        HttpResponse<String> health = get("/actuator/health", true);
        assertThat(health.headers().allValues("Strict-Transport-Security")).containsExactly("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void over_plain_http_the_session_cookie_is_not_secure() throws Exception {
        HttpResponse<String> page = get("/login", false);
        assertThat(sessionCookie(page)).contains("HttpOnly").doesNotContain("Secure");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private static String nonce(Map<String, List<String>> policy) {
        return policy.getOrDefault("script-src", List.of()).stream().filter(s -> s.startsWith("'nonce-"))
                .map(s -> s.substring("'nonce-".length(), s.length() - 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no nonce in script-src: " + policy));
    }

    static Map<String, List<String>> directives(String policy) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            List<String> parts = Arrays.stream(directive.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            if (!parts.isEmpty()) {
                assertThat(directives.put(parts.getFirst(), parts.subList(1, parts.size()))).as("repeated " + parts.getFirst())
                        .isNull();
            }
        }
        return directives;
    }

    private HttpResponse<String> get(String path, boolean https) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (https) {
            request.header("X-Forwarded-Proto", "https");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
