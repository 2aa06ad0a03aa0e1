package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@BaeumIntegrationTest
class ApiAuthenticationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;
    @Autowired
    SecuritySettings settings;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void accounts() {
        database.getCollection(LoginThrottle.COLLECTION).deleteMany(new Document());
        if (database.getCollection("accounts").countDocuments(new Document("username", "api-citizen")) == 0) {
            accounts.create("api-citizen", Role.CITIZEN);
            accounts.create("api-admin", Role.ADMIN);
            accounts.create("api-disabled", Role.CITIZEN, false);
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void token_for_right_password_authenticates_later_api_calls() throws Exception {
        HttpResponse<String> response = token("api-citizen", TestAccounts.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("token").asString()).hasSizeGreaterThan(30);
        assertThat(body.get("expiresAt").asString()).isNotBlank();
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> me = get("/api/v1/me", body.get("token").asString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("username").asString()).isEqualTo("api-citizen");
        assertThat(json.readTree(me.body()).get("roles").toString()).contains("CITIZEN");
    }

    @Test
    void wrong_password_unknown_user_and_disabled_account_get_the_same_generic_answer() throws Exception {
        HttpResponse<String> wrong = token("api-citizen", "not the password");
        HttpResponse<String> unknown = token("nobody-here", "not the password");
        HttpResponse<String> disabled = token("api-disabled", TestAccounts.PASSWORD);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(disabled.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body()).isEqualTo(disabled.body());
        assertThat(wrong.body()).contains("invalid_credentials").contains("아이디 또는 비밀번호가 올바르지 않습니다");
    }

    @Test
    void messages_follow_accept_language() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"api-citizen\",\"password\":\"x\"}")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).contains("is not correct");
    }

    @Test
    void missing_fields_are_a_bad_request() throws Exception {
        assertThat(token("api-citizen", "").statusCode()).isEqualTo(400);
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    }

    @Test
    void too_many_failures_are_throttled_even_with_the_right_password_then_released_after_the_window() throws Exception {
        int max = settings.login().maxFailuresPerAccount();
        for (int i = 0; i < max; i++) {
            assertThat(token("api-citizen", "wrong " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = token("api-citizen", TestAccounts.PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("too_many_attempts");

        clock.advance(settings.login().window().plusSeconds(1));
        assertThat(token("api-citizen", TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void forty_simultaneous_wrong_passwords_from_one_address_get_exactly_the_limit_of_401s_and_429_for_the_rest()
            throws Exception {
        accounts.userOrCreate("api-raced", Role.CITIZEN);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add(http.sendAsync(tokenRequest("api-raced", "wrong " + i), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = sent.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(settings.login().maxFailuresPerAccount());
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(40 - settings.login().maxFailuresPerAccount());
    }

    @Test
    void the_user_name_and_the_email_address_in_any_case_count_as_one_account() throws Exception {
        accounts.userOrCreate("api-twoforms", Role.STAFF);
        List<String> typed = List.of("api-twoforms", " API-TWOFORMS@test.baeum ", "Api-TwoForms", "api-twoforms@TEST.baeum",
                "api-twoforms ");
        assertThat(typed).hasSize(settings.login().maxFailuresPerAccount());
        for (String login : typed) {
            assertThat(token(login, "wrong").statusCode()).as(login).isEqualTo(401);
        }
        assertThat(token("api-twoforms@test.baeum", TestAccounts.PASSWORD).statusCode()).isEqualTo(429);
        assertThat(token("api-twoforms", TestAccounts.PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void failures_from_one_address_do_not_keep_the_owner_out_at_another(@Autowired WebApplicationContext context)
            throws Exception {
        accounts.userOrCreate("api-targeted", Role.ADMIN);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        List<Integer> attacker = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attacker.add(mvc.perform(tokenPost("api-targeted", "guess " + i).with(from("203.0.113.66")))
                    .andReturn().getResponse().getStatus());
        }
        assertThat(attacker).containsExactly(401, 401, 401, 401, 401, 429, 429, 429);
        MockHttpServletResponse refused = mvc.perform(tokenPost("api-targeted", TestAccounts.PASSWORD).with(from("203.0.113.66")))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, settings.login().window().toSeconds());

        MockHttpServletResponse owner = mvc.perform(tokenPost("api-targeted", TestAccounts.PASSWORD).with(from("198.51.100.20")))
                .andReturn().getResponse();
        assertThat(owner.getStatus()).as("the owner at an address that has not failed").isEqualTo(200);
        assertThat(json.readTree(owner.getContentAsString()).get("token").asString()).hasSizeGreaterThan(30);
    }

    @Test
    void unknown_user_names_are_throttled_like_real_ones() throws Exception {
        int max = settings.login().maxFailuresPerAccount();
        for (int i = 0; i < max; i++) {
            token("ghost-user", "wrong");
        }
        assertThat(token("ghost-user", "wrong").statusCode()).isEqualTo(429);
    }

    @Test
    void api_calls_without_a_valid_token_are_refused() throws Exception {
        HttpResponse<String> none = get("/api/v1/me", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(get("/api/v1/me", "made-up-token").statusCode()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        String token = json.readTree(token("api-citizen", TestAccounts.PASSWORD).body()).get("token").asString();
        clock.advance(settings.apiTokenTtl().plus(Duration.ofMinutes(1)));
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void tokens_are_stored_hashed_only() throws Exception {
        String token = json.readTree(token("api-citizen", TestAccounts.PASSWORD).body()).get("token").asString();
        String secret = token.substring(token.lastIndexOf('.') + 1);
        for (String collection : List.of("accounts", ApiTokens.LEGACY_COLLECTION)) {
            for (Document stored : database.getCollection(collection).find()) {
                assertThat(stored.toJson()).doesNotContain(secret);
            }
        }
        String accountId = accounts.user("api-citizen").accountId();
        assertThat(token).startsWith(accountId + ".");
        assertThat(database.getCollection("accounts").countDocuments(new Document("_id", accountId)
                .append("apiTokens.hash", ApiTokens.hash(token)))).isEqualTo(1);
    }

    @Test
    void a_token_stored_before_tokens_named_accounts_only_still_works_and_follows_its_account_id() throws Exception {
        // tokens stored before issue 13 also hold a user name; the account id alone decides, whatever that name says
        String citizenId = accounts.user("api-citizen").accountId();
        String token = "a-token-from-before-the-change-0123456789abcdef";
        java.time.Instant now = java.time.Instant.now();
        database.getCollection(ApiTokens.LEGACY_COLLECTION).insertOne(new Document("_id", ApiTokens.hash(token))
                .append("accountId", citizenId).append("username", "api-admin")
                .append("createdAt", java.util.Date.from(now)).append("expiresAt", java.util.Date.from(now.plus(Duration.ofHours(1)))));

        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("id").asString()).isEqualTo(citizenId);
        assertThat(get("/actuator/prometheus", token).statusCode()).as("not the admin the stored name points to").isEqualTo(403);
    }

    @Test
    void a_session_cookie_never_authenticates_the_api() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Cookie", "JSESSIONID=ABCDEF0123456789").GET().build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void actuator_health_is_public_without_details_and_the_rest_is_for_admin() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("mongo");

        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        String citizen = json.readTree(token("api-citizen", TestAccounts.PASSWORD).body()).get("token").asString();
        assertThat(get("/actuator/prometheus", citizen).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/info", citizen).statusCode()).isEqualTo(403);

        String admin = json.readTree(token("api-admin", TestAccounts.PASSWORD).body()).get("token").asString();
        HttpResponse<String> metrics = get("/actuator/prometheus", admin);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> detailed = get("/actuator/health", admin);
        assertThat(detailed.body()).contains("\"mongo\"").contains("\"mail\"");
    }

    private HttpResponse<String> token(String username, String password) throws Exception {
        return http.send(tokenRequest(username, password), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest tokenRequest(String username, String password) {
        String body = json.writeValueAsString(java.util.Map.of("username", username, "password", password));
        return HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private MockHttpServletRequestBuilder tokenPost(String username, String password) {
        return post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("username", username, "password", password)));
    }

    /** A request from this client address, as the connection (or, behind our proxy, X-Forwarded-For) gives it. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
