package org.baeum.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.BaeumUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 13, hole 2: a bearer token names an account, not a user name. Changing the email address (a citizen's user
 * name follows it) ends the account's tokens and browser sessions, and the address, once free, leads nobody's old
 * token to whoever takes it next. Over real HTTP: tokens from {@code POST /api/v1/auth/token}, a browser session
 * from the sign-in form.
 */
@BaeumIntegrationTest
class EmailChangeEndsSignInsTest {

    static final String NEWCOMER_PASSWORD = "the newcomer's own long pass phrase";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService service;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_token_issued_before_an_email_change_reaches_nobody_afterwards_not_even_whoever_takes_the_old_address()
            throws Exception {
        BaeumUser mover = accounts.citizen("moving.out@example.com", "이사감", LocalDate.of(1981, 3, 3));
        String oldToken = token("moving.out@example.com", TestAccounts.PASSWORD);
        assertThat(me(oldToken).statusCode()).isEqualTo(200);

        changeEmail(mover, "moved.in@example.com");

        assertThat(me(oldToken).statusCode()).as("the token issued before the change").isEqualTo(401);
        signUp("moving.out@example.com");
        assertThat(me(oldToken).statusCode()).as("the old token after someone took the old address").isEqualTo(401);

        HttpResponse<String> newcomer = me(token("moving.out@example.com", NEWCOMER_PASSWORD));
        assertThat(newcomer.statusCode()).as("the newcomer's own token").isEqualTo(200);
        assertThat(json.readTree(newcomer.body()).get("id").asString()).as("the newcomer is another account")
                .isNotEqualTo(mover.accountId());

        JsonNode moved = json.readTree(me(token("moved.in@example.com", TestAccounts.PASSWORD)).body());
        assertThat(moved.get("id").asString()).as("the mover signs in with the new address").isEqualTo(mover.accountId());
        assertThat(moved.get("username").asString()).isEqualTo("moved.in@example.com");
    }

    @Test
    void an_email_change_ends_the_accounts_browser_sessions() throws Exception {
        BaeumUser mover = accounts.citizen("session.mover@example.com", "세션이사", LocalDate.of(1983, 5, 5));
        CookieManager browser = signedInBrowser("session.mover@example.com");
        assertThat(page(browser, "/my/account").location()).as("signed in").isEmpty();

        changeEmail(mover, "session.moved@example.com");

        assertThat(page(browser, "/my/account").location()).endsWith("/login?ended");
    }

    @Test
    void a_wrong_current_password_changes_nothing_and_ends_nothing() throws Exception {
        BaeumUser stayer = accounts.citizen("staying.put@example.com", "그대로", LocalDate.of(1982, 4, 4));
        String token = token("staying.put@example.com", TestAccounts.PASSWORD);
        CookieManager browser = signedInBrowser("staying.put@example.com");

        TestAccounts.signIn(stayer);
        assertThatThrownBy(() -> service.changeMyEmail("not my password", "elsewhere@example.com"))
                .isInstanceOf(InvalidInputException.class);
        TestAccounts.signOut();

        assertThat(me(token).statusCode()).isEqualTo(200);
        assertThat(page(browser, "/my/account").location()).as("still signed in").isEmpty();
    }

    private void changeEmail(BaeumUser user, String newEmail) {
        TestAccounts.signIn(user);
        service.changeMyEmail(TestAccounts.PASSWORD, newEmail);
        TestAccounts.signOut();
    }

    private HttpResponse<String> signUp(String email) throws Exception {
        String body = json.writeValueAsString(Map.of("name", "새주인", "email", email, "birthDate", "1990-01-01",
                "district", "MAPO", "language", "ko", "password", NEWCOMER_PASSWORD, "privacyConsent", true));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/v1/accounts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return created;
    }

    private String token(String login, String password) throws Exception {
        String body = json.writeValueAsString(Map.of("username", login, "password", password));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token for %s", login).isEqualTo(200);
        return json.readTree(response.body()).get("token").asString();
    }

    private HttpResponse<String> me(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private CookieManager signedInBrowser(String login) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String form = "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<Void> signIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookies;
    }

    /** A page request as a browser sends it; where it was sent instead (empty when it was served). */
    private Page page(CookieManager cookies, String path) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(), HttpResponse.BodyHandlers.discarding());
        return new Page(response.statusCode() / 100 == 3 ? response.headers().firstValue("Location").orElse("") : "");
    }

    private record Page(String location) {
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
