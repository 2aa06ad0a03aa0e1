package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.mongodb.client.MongoDatabase;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@BaeumIntegrationTest
class FormLoginTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MongoDatabase database;
    @Autowired
    SecuritySettings settings;

    @BeforeEach
    void account() {
        database.getCollection(LoginThrottle.COLLECTION).deleteMany(new Document());
        if (database.getCollection("accounts").countDocuments(new Document("username", "form-citizen")) == 0) {
            accounts.create("form-citizen", Role.CITIZEN);
        }
    }

    @Test
    void signing_in_gives_a_new_session_id() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String before = sessionId(cookies);
        assertThat(before).isNotNull();

        HttpResponse<Void> login = http.send(post("form-citizen", TestAccounts.PASSWORD), HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(sessionId(cookies)).isNotNull().isNotEqualTo(before);
    }

    @Test
    void a_wrong_password_goes_back_to_the_login_page_with_the_generic_error() throws Exception {
        HttpResponse<Void> login = HttpClient.newHttpClient().send(post("form-citizen", "wrong"), HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        HttpResponse<Void> unknown = HttpClient.newHttpClient().send(post("no-such-user", "wrong"), HttpResponse.BodyHandlers.discarding());
        assertThat(unknown.headers().firstValue("Location")).get().asString().endsWith("/login?error");
    }

    @Test
    void repeated_failures_lead_to_the_throttled_page() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < settings.login().maxFailuresPerAccount(); i++) {
            http.send(post("form-citizen", "wrong"), HttpResponse.BodyHandlers.discarding());
        }
        HttpResponse<Void> blocked = http.send(post("form-citizen", TestAccounts.PASSWORD), HttpResponse.BodyHandlers.discarding());
        assertThat(blocked.headers().firstValue("Location")).get().asString().endsWith("/login?throttled");
    }

    @Test
    void failures_from_one_address_do_not_keep_the_owner_out_of_the_form_at_another(@Autowired WebApplicationContext context)
            throws Exception {
        accounts.userOrCreate("form-targeted", Role.ADMIN);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        for (int i = 0; i < 8; i++) {
            mvc.perform(formPost("form-targeted", "guess " + i).with(ApiAuthenticationTest.from("203.0.113.77")));
        }
        assertThat(mvc.perform(formPost("form-targeted", TestAccounts.PASSWORD).with(ApiAuthenticationTest.from("203.0.113.77")))
                .andReturn().getResponse().getRedirectedUrl()).endsWith("/login?throttled");

        MockHttpSession session = new MockHttpSession();
        String owner = mvc.perform(formPost("form-targeted", TestAccounts.PASSWORD).session(session)
                .with(ApiAuthenticationTest.from("198.51.100.21"))).andReturn().getResponse().getRedirectedUrl();
        assertThat(owner).as("the owner at an address that has not failed").isEqualTo("/");
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).as("signed in")
                .isNotNull();
    }

    private static MockHttpServletRequestBuilder formPost(String username, String password) {
        return MockMvcRequestBuilders.post("/login").param("username", username).param("password", password);
    }

    private HttpRequest post(String username, String password) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
