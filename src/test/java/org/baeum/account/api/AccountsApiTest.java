package org.baeum.account.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.account.LinkOutcome;
import org.baeum.account.RegistrationService;
import org.baeum.account.internal.AccountRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@BaeumIntegrationTest
class AccountsApiTest {

    static final String BODY = """
            {"name":"앱사용자","email":"%s","mobile":"010-9876-5432","birthDate":"1979-09-09","district":"MAPO",
             "language":"en","password":"a long pass phrase for the app","privacyConsent":true}""";

    @LocalServerPort
    int port;
    @Autowired
    AccountRepository accounts;
    @Autowired
    Mailbox mailbox;
    @Autowired
    RegistrationService registration;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_app_signs_up_verifies_through_the_same_link_and_reads_its_household_with_a_token() throws Exception {
        HttpResponse<String> created = post("/api/v1/accounts", BODY.formatted("app.user@example.com"), null, "ko");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        assertThat(json.readTree(created.body()).get("verificationMailSent").asBoolean()).isTrue();
        var mail = mailbox.newestTo("app.user@example.com").orElseThrow();
        assertThat(mail.subject()).as("the chosen language").contains("Please confirm");
        assertThat(registration.verifyEmail(Mailbox.token(Mailbox.link(mail)))).isEqualTo(LinkOutcome.DONE);

        String token = token("app.user@example.com", "a long pass phrase for the app");
        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(me.body());
        assertThat(body.get("id").asString()).isEqualTo(id);
        assertThat(body.get("displayName").asString()).isEqualTo("앱사용자");
        assertThat(body.get("language").asString()).isEqualTo("en");
        assertThat(body.get("emailVerified").asBoolean()).isTrue();
        assertThat(body.get("household").get(0).get("self").asBoolean()).isTrue();
    }

    @Test
    void a_bad_sign_up_gets_400_with_a_translated_message_per_field_and_stores_nothing() throws Exception {
        long before = accounts.count();
        String bad = """
                {"name":"","email":"nope","birthDate":"17-05-1980","district":"ATLANTIS","password":"123","privacyConsent":false}""";
        HttpResponse<String> ko = post("/api/v1/accounts", bad, null, "ko");
        assertThat(ko.statusCode()).isEqualTo(400);
        JsonNode fields = json.readTree(ko.body()).get("fields");
        assertThat(fields.propertyNames()).containsExactlyInAnyOrder("name", "email", "birthDate", "district", "password", "privacyConsent");
        assertThat(fields.get("email").asString()).contains("이메일 주소 형식");
        assertThat(fields.get("birthDate").asString()).contains("2000-01-31");
        HttpResponse<String> en = post("/api/v1/accounts", bad, null, "en");
        assertThat(json.readTree(en.body()).get("fields").get("email").asString()).contains("does not look right");
        assertThat(post("/api/v1/accounts", "", null, "en").statusCode()).isEqualTo(400);
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void password_reset_answers_202_whether_or_not_the_address_exists() throws Exception {
        post("/api/v1/accounts", BODY.formatted("reset.app@example.com"), null, "ko");
        clock.advance(Duration.ofMinutes(2));
        int before = mailbox.to("reset.app@example.com").size();
        HttpResponse<String> known = post("/api/v1/auth/password-reset", "{\"email\":\"reset.app@example.com\"}", null, "ko");
        HttpResponse<String> unknown = post("/api/v1/auth/password-reset", "{\"email\":\"ghost@example.com\"}", null, "ko");
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(mailbox.to("reset.app@example.com")).hasSize(before + 1);
        assertThat(mailbox.to("ghost@example.com")).isEmpty();
    }

    @Test
    void sign_out_everywhere_ends_every_token_and_a_password_reset_does_too() throws Exception {
        post("/api/v1/accounts", BODY.formatted("tokens.app@example.com"), null, "ko");
        String phone = token("tokens.app@example.com", "a long pass phrase for the app");
        String tablet = token("tokens.app@example.com", "a long pass phrase for the app");
        assertThat(get("/api/v1/me", tablet).statusCode()).isEqualTo(200);
        HttpRequest signOut = HttpRequest.newBuilder(uri("/api/v1/me/tokens")).header("Authorization", "Bearer " + phone).DELETE().build();
        assertThat(http.send(signOut, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/me", phone).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me", tablet).statusCode()).isEqualTo(401);

        String again = token("tokens.app@example.com", "a long pass phrase for the app");
        clock.advance(Duration.ofMinutes(2));
        post("/api/v1/auth/password-reset", "{\"email\":\"tokens.app@example.com\"}", null, "ko");
        registration.resetPassword(Mailbox.token(mailbox.linkTo("tokens.app@example.com", "reset-password")), "another long pass phrase");
        assertThat(get("/api/v1/me", again).statusCode()).isEqualTo(401);
    }

    @Test
    void the_account_api_never_takes_another_accounts_id() throws Exception {
        post("/api/v1/accounts", BODY.formatted("nosy@example.com"), null, "ko");
        String token = token("nosy@example.com", "a long pass phrase for the app");
        for (String path : new String[] {"/api/v1/me?id=demo-citizen", "/api/v1/accounts/demo-citizen", "/api/v1/me/demo-citizen"}) {
            HttpResponse<String> r = get(path, token);
            assertThat(r.body()).as(path).doesNotContain("demo-citizen\"");
            assertThat(r.statusCode()).as(path).isIn(200, 404, 405);
        }
        assertThat(get("/api/v1/me", null).statusCode()).isEqualTo(401);
    }

    private String token(String username, String password) throws Exception {
        HttpResponse<String> r = post("/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null, "ko");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("token").asString();
    }

    private HttpResponse<String> post(String path, String body, String token, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
