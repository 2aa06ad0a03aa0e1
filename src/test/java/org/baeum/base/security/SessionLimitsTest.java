package org.baeum.base.security;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.internal.AccountRepository;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Session limits over real HTTP with a session cookie; the test clock moves instead of the tests sleeping.
 * "Signed in" is judged by Spring Security alone (a private page is either served or redirected to the sign-in
 * page), so these tests do not depend on the state of the frontend bundle.
 */
@BaeumIntegrationTest
class SessionLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_session_idle_for_31_minutes_is_ended_and_its_cookie_signs_in_no_more() throws Exception {
        Browser browser = signedIn("idle-citizen");
        String oldSession = browser.sessionId();

        clock.advance(Duration.ofMinutes(31));

        assertThat(browser.page("/my/account").location()).endsWith("/login?expired");
        assertThat(withCookie(oldSession).page("/my/account").location()).endsWith("/login");
    }

    @Test
    void a_session_used_29_minutes_ago_goes_on() throws Exception {
        Browser browser = signedIn("active-citizen");

        clock.advance(Duration.ofMinutes(29));

        assertThat(browser.page("/my/account").isSignedIn()).isTrue();
    }

    @Test
    void heartbeats_do_not_keep_an_idle_session_alive() throws Exception {
        Browser browser = signedIn("heartbeat-citizen");

        for (int minutes = 5; minutes < 30; minutes += 5) {
            clock.advance(Duration.ofMinutes(5));
            browser.heartbeat();
        }
        clock.advance(Duration.ofMinutes(6));

        assertThat(browser.page("/my/account").location()).endsWith("/login?expired");
    }

    @Test
    void a_heartbeat_after_the_idle_timeout_ends_the_session_and_the_page_then_says_why() throws Exception {
        Browser browser = signedIn("late-heartbeat-citizen");
        String oldSession = browser.sessionId();

        clock.advance(Duration.ofMinutes(31));
        browser.heartbeat();

        assertThat(withCookie(oldSession).page("/my/account").location()).endsWith("/login");
        // where Vaadin's client goes when its session is gone: the notice stays "expired"
        assertThat(browser.page("/login?expired").isRedirect()).isFalse();
    }

    @Test
    void activity_every_20_minutes_keeps_a_session_for_hours_but_it_ends_12_hours_after_sign_in() throws Exception {
        Browser browser = signedIn("long-citizen");

        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(browser.page("/my/account").isSignedIn()).as("after %d minutes", minutes).isTrue();
        }
        clock.advance(Duration.ofMinutes(20));

        assertThat(browser.page("/my/account").location()).endsWith("/login?expired");
    }

    @Test
    void a_raised_session_epoch_ends_the_session_at_its_next_page_request() throws Exception {
        Browser browser = signedIn("epoch-citizen");
        String oldSession = browser.sessionId();

        changeAccount("epoch-citizen", Updates.inc("sessionEpoch", 1L));

        assertThat(browser.page("/my/account").location()).endsWith("/login?ended");
        assertThat(withCookie(oldSession).page("/my/account").location()).endsWith("/login");
    }

    @Test
    void deactivating_the_account_ends_the_session() throws Exception {
        Browser browser = signedIn("deactivated-citizen");

        changeAccount("deactivated-citizen", Updates.set("enabled", false));

        assertThat(browser.page("/catalog").location()).endsWith("/login?ended");
    }

    @Test
    void an_account_change_found_by_a_heartbeat_sends_the_page_to_the_ended_notice() throws Exception {
        Browser browser = signedIn("epoch-heartbeat-citizen");
        String oldSession = browser.sessionId();

        changeAccount("epoch-heartbeat-citizen", Updates.inc("sessionEpoch", 1L));
        browser.heartbeat();

        assertThat(withCookie(oldSession).page("/my/account").location()).endsWith("/login");
        // Vaadin's client goes to its session-expired address; the filter knows better
        assertThat(browser.page("/login?expired").location()).endsWith("/login?ended");
        assertThat(browser.page("/login?expired").isRedirect()).as("the hint is used once").isFalse();
    }

    @Test
    void signing_out_ends_the_session(@Autowired WebApplicationContext context) throws Exception {
        accounts.create("logout-citizen", Role.CITIZEN);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session)
                        .param("username", "logout-citizen").param("password", TestAccounts.PASSWORD))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/"));
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).as("signed in")
                .isNotNull();

        // over HTTP, the form needs the CSRF token of a rendered page; the sign-out button in the UI runs the
        // same logout handlers through Vaadin's AuthenticationContext
        mvc.perform(post("/logout").session(session).with(csrf()))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/"));

        assertThat(session.isInvalid()).isTrue();
    }

    private void changeAccount(String username, Bson update) {
        database.getCollection(AccountRepository.COLLECTION).updateOne(eq("username", username), update);
    }

    private Browser signedIn(String username) throws Exception {
        accounts.create(username, Role.CITIZEN);
        Browser browser = new Browser();
        browser.send(HttpRequest.newBuilder(uri("/login")).GET());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8);
        Answer login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(login.location()).doesNotContain("error");
        assertThat(browser.page("/my/account").isSignedIn()).as("signed in").isTrue();
        return browser;
    }

    /** A browser that sends only this session cookie. */
    private Browser withCookie(String sessionId) {
        Browser browser = new Browser();
        HttpCookie cookie = new HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        browser.cookies.getCookieStore().add(uri("/"), cookie);
        return browser;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** One browser: its own cookies, page requests as a browser sends them, Vaadin's heartbeat. */
    private final class Browser {

        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        Answer page(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
        }

        void heartbeat() throws Exception {
            send(HttpRequest.newBuilder(uri("/?v-r=heartbeat&v-uiId=0"))
                    .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.noBody()));
        }

        Answer send(HttpRequest.Builder request) throws Exception {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""));
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }
    }

    private record Answer(int status, String location) {

        boolean isRedirect() {
            return status / 100 == 3;
        }

        /** Not sent to the sign-in page (what Vaadin then serves depends on the frontend bundle, so only that). */
        boolean isSignedIn() {
            return !(isRedirect() && location.contains("/login"));
        }
    }
}
