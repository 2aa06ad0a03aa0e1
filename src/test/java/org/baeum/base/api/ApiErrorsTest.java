package org.baeum.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The API answers in its own JSON shape and never opens an HTTP session: unknown paths (any method, signed in or
 * not) get a JSON 404 instead of Vaadin's HTML page, and refusals (401, 403, 405, 415, 400) set no cookie.
 */
@BaeumIntegrationTest
class ApiErrorsTest {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ApiTokens tokens;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    String citizen;

    @BeforeEach
    void signIn() {
        citizen = tokens.issue(accounts.userOrCreate("ae-citizen", Role.CITIZEN)).token();
    }

    @Test
    void an_unknown_api_path_is_a_json_404_without_a_session_for_every_method_signed_in_or_not() throws Exception {
        for (String path : List.of("/api/v1/teaching/nowhere", "/api/v1/nothing-here", "/api/v2/offerings",
                "/api/", "/api/v1/me/somewhere/deep")) {
            for (String method : METHODS) {
                for (String token : new String[] {citizen, null}) {
                    HttpResponse<String> r = send(method, path, token, "application/json", "{}", "ko");
                    String what = method + " " + path + (token == null ? " anonymous" : " signed in");
                    assertThat(r.statusCode()).as(what).isEqualTo(404);
                    assertJsonError(r, what, "not_found");
                    assertThat(json.readTree(r.body()).get("message").asString()).as(what).isEqualTo("이 주소에는 API가 없습니다.");
                    assertThat(r.headers().firstValue("Set-Cookie")).as(what).isEmpty();
                }
            }
        }
        HttpResponse<String> english = send("GET", "/api/v1/teaching/nowhere", citizen, null, null, "en");
        assertThat(json.readTree(english.body()).get("message").asString()).isEqualTo("There is no API at this address.");
    }

    @Test
    void a_browser_asking_for_html_at_an_unknown_api_path_still_gets_json_and_no_session() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/teaching/nowhere"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertJsonError(r, "html accept", "not_found");
        assertThat(r.body()).doesNotContain("<html").doesNotContain("<!doctype");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void refusals_answer_in_json_and_set_no_cookie() throws Exception {
        // 401: a known path that needs a token
        HttpResponse<String> unauthorized = send("GET", "/api/v1/me", null, null, null, "ko");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertJsonError(unauthorized, "401", "unauthorized");
        // 403: another household's (here: no) enrolment
        HttpResponse<String> forbidden = send("POST", "/api/v1/enrollments/not-yours/offer/accept", citizen, null, null, "ko");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertJsonError(forbidden, "403", "forbidden");
        // 405: a known path with another method
        HttpResponse<String> method = send("PUT", "/api/v1/offerings", citizen, "application/json", "{}", "ko");
        assertThat(method.statusCode()).isEqualTo(405);
        assertJsonError(method, "405", "method_not_allowed");
        assertThat(method.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET"));
        // 415: a body that is not JSON
        HttpResponse<String> mediaType = send("POST", "/api/v1/accounts", null, "text/plain", "name=x", "ko");
        assertThat(mediaType.statusCode()).isEqualTo(415);
        assertJsonError(mediaType, "415", "unsupported_media_type");
        // 400: JSON that cannot be read
        HttpResponse<String> unreadable = send("POST", "/api/v1/accounts", null, "application/json", "{\"name\":", "en");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertJsonError(unreadable, "400", "invalid_request");
        for (HttpResponse<String> r : List.of(unauthorized, forbidden, method, mediaType, unreadable)) {
            assertThat(r.headers().firstValue("Set-Cookie")).as(r.request().method() + " " + r.uri()).isEmpty();
        }
    }

    private void assertJsonError(HttpResponse<String> r, String what, String error) {
        assertThat(r.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("error").asString()).as(what + ": " + r.body()).isEqualTo(error);
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, String body,
                                      String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept-Language", language)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
