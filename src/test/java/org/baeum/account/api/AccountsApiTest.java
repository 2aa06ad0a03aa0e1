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
import org.baeum.account.internal.SignUpSettings;
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
    @Autowired
    SignUpSettings settings;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_app_signs_up_verifies_through_the_same_link_and_reads_its_household_with_a_token() throws Exception {
        HttpResponse<String> accepted = post("/api/v1/accounts", BODY.formatted("app.user@example.com"), null, "ko");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(json.readTree(accepted.body()).propertyNames()).containsExactly("message");
        assertThat(json.readTree(accepted.body()).get("message").asString()).startsWith("메일을 확인해 주세요");
        assertThat(accepted.headers().firstValue("Location")).isEmpty();
        String id = accounts.findByLogin("app.user@example.com").orElseThrow().id();
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
        String own = accounts.findByLogin("nosy@example.com").orElseThrow().id();
        String token = token("nosy@example.com", "a long pass phrase for the app");
        // an id in the query is ignored: the answer is the caller's own account
        HttpResponse<String> me = get("/api/v1/me?id=demo-citizen", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("id").asString()).isEqualTo(own);
        assertThat(me.body()).doesNotContain("demo-citizen");
        // no route takes another account's id
        for (String path : new String[] {"/api/v1/accounts/demo-citizen", "/api/v1/me/demo-citizen"}) {
            HttpResponse<String> r = get(path, token);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(json.readTree(r.body()).get("error").asString()).as(path).isEqualTo("not_found");
            assertThat(r.body()).as(path).doesNotContain("demo-citizen");
        }
        HttpResponse<String> anonymous = get("/api/v1/me", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json.readTree(anonymous.body()).get("error").asString()).isEqualTo("unauthorized");
    }

    @Test
    void a_taken_and_a_new_address_get_byte_identical_answers_and_the_owner_is_mailed() throws Exception {
        post("/api/v1/accounts", BODY.formatted("owner@example.com"), null, "ko");
        String ownerId = accounts.findByLogin("owner@example.com").orElseThrow().id();
        int ownerMailBefore = mailbox.to("owner@example.com").size();
        String stranger = """
                {"name":"낯선이","email":"%s","birthDate":"1990-02-02","district":"JUNG","language":"ko",
                 "password":"someone else's long phrase","privacyConsent":true}""";

        HttpResponse<String> fresh = post("/api/v1/accounts", stranger.formatted("fresh@example.com"), null, "ko");
        HttpResponse<String> taken = post("/api/v1/accounts", stranger.formatted("Owner@Example.com"), null, "ko");

        assertThat(taken.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(202);
        assertThat(taken.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(fresh.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(taken.headers().firstValue("Content-Type")).isEqualTo(fresh.headers().firstValue("Content-Type"));
        assertThat(taken.headers().firstValue("Content-Length")).isEqualTo(fresh.headers().firstValue("Content-Length"));
        assertThat(taken.headers().firstValue("Location")).isEmpty();
        assertThat(taken.body()).doesNotContain(ownerId);

        assertThat(accounts.findByLogin("owner@example.com").orElseThrow().displayName()).as("untouched").isEqualTo("앱사용자");
        var owner = mailbox.to("owner@example.com");
        assertThat(owner).hasSize(ownerMailBefore + 1);
        var notice = owner.getFirst();
        assertThat(notice.subject()).as("in the owner's language").isEqualTo("[Baeum] Someone tried to sign up with your address");
        assertThat(notice.textBody()).contains("/login").contains("/forgot-password").doesNotContain("token=");
        assertThat(mailbox.newestTo("fresh@example.com").orElseThrow().subject()).contains("이메일 주소를 확인해 주세요");
    }

    @Test
    void more_sign_ups_with_one_address_than_the_limit_get_429_with_retry_after_and_change_nothing() throws Exception {
        clock.advance(settings.window().multipliedBy(3)); // a window of its own, whatever ran before in this class
        String body = BODY.formatted("again@example.com");
        for (int i = 0; i < settings.maxPerEmail(); i++) {
            assertThat(post("/api/v1/accounts", body, null, "ko").statusCode()).as("sign-up %d", i + 1).isEqualTo(202);
        }
        long accountsBefore = accounts.count();
        int mailBefore = mailbox.to("again@example.com").size();
        HttpResponse<String> refused = post("/api/v1/accounts", body, null, "en");
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, settings.window().toSeconds());
        JsonNode error = json.readTree(refused.body());
        assertThat(error.get("error").asString()).isEqualTo("too_many_requests");
        assertThat(error.get("message").asString()).startsWith("Too many sign-ups");
        assertThat(accounts.count()).isEqualTo(accountsBefore);
        assertThat(mailbox.to("again@example.com")).as("no mail for a refused sign-up").hasSize(mailBefore);
        // the next window takes it again
        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(post("/api/v1/accounts", body, null, "ko").statusCode()).isEqualTo(202);
    }

    @Test
    void more_sign_ups_from_one_client_address_than_the_limit_get_429() throws Exception {
        clock.advance(settings.window().multipliedBy(6)); // a window of its own for this client address
        for (int i = 0; i < settings.maxPerAddress(); i++) {
            HttpResponse<String> r = post("/api/v1/accounts", BODY.formatted("crowd" + i + "@example.com"), null, "ko");
            assertThat(r.statusCode()).as("sign-up %d", i + 1).isEqualTo(202);
        }
        HttpResponse<String> refused = post("/api/v1/accounts", BODY.formatted("one.more@example.com"), null, "ko");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(refused.body()).get("message").asString()).startsWith("가입 요청이 너무 많습니다");
        assertThat(accounts.findByLogin("one.more@example.com")).isEmpty();
        // a form with mistakes is answered (400), not counted
        assertThat(post("/api/v1/accounts", "{\"email\":\"x\"}", null, "ko").statusCode()).isEqualTo(400);
    }

    @Test
    void the_district_may_be_given_as_the_code_or_the_name_the_form_shows() throws Exception {
        for (String[] c : new String[][] {{"마포구", "ko.district@example.com"}, {"Mapo-gu", "en.district@example.com"},
                {"mapo", "lower.district@example.com"}}) {
            String body = BODY.formatted(c[1]).replace("\"MAPO\"", "\"" + c[0] + "\"");
            assertThat(post("/api/v1/accounts", body, null, "ko").statusCode()).as(c[0]).isEqualTo(202);
            assertThat(accounts.findByLogin(c[1]).orElseThrow().district()).as(c[0]).isEqualTo("MAPO");
        }
        HttpResponse<String> unknown = post("/api/v1/accounts",
                BODY.formatted("nowhere@example.com").replace("\"MAPO\"", "\"마포\""), null, "ko");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("fields").get("district").asString()).isEqualTo("알 수 없는 자치구입니다.");
    }

    @Test
    void a_bad_district_is_reported_alone_and_a_good_birth_date_is_not_called_missing() throws Exception {
        String body = BODY.formatted("district.typo@example.com").replace("\"MAPO\"", "\"ATLANTIS\"");
        HttpResponse<String> r = post("/api/v1/accounts", body, null, "en");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode fields = json.readTree(r.body()).get("fields");
        assertThat(fields.propertyNames()).containsExactly("district");
        assertThat(fields.get("district").asString()).isEqualTo("Unknown district.");

        String badDate = BODY.formatted("date.typo@example.com").replace("1979-09-09", "09.09.1979");
        JsonNode dateFields = json.readTree(post("/api/v1/accounts", badDate, null, "en").body()).get("fields");
        assertThat(dateFields.propertyNames()).containsExactly("birthDate");
        assertThat(dateFields.get("birthDate").asString()).isEqualTo("Please enter the date of birth as 2000-01-31.");
        assertThat(accounts.findByLogin("district.typo@example.com")).isEmpty();
    }

    @Test
    void the_openapi_document_says_a_sign_up_is_answered_202_or_400_or_429() throws Exception {
        HttpResponse<String> doc = get("/api/v1/openapi", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        JsonNode api = json.readTree(doc.body());
        JsonNode responses = api.get("paths").get("/api/v1/accounts").get("post").get("responses");
        assertThat(responses.propertyNames()).contains("202", "400", "429").doesNotContain("201", "200");
        String ref = responses.get("202").get("content").get("application/json").get("schema").get("$ref").asString();
        JsonNode accepted = api.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(accepted.get("properties").propertyNames()).containsExactly("message");
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
