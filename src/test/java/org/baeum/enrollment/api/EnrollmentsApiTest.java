package org.baeum.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.ApiTokens;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The enrolment contract for apps: answers, replays, refusals and another household's entries. */
@BaeumIntegrationTest
class EnrollmentsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ApiTokens tokens;
    @Autowired
    CatalogService catalog;
    @Autowired
    TestAccounts accounts;

    static EnrollmentFixture fixture;
    static String tokenA;
    static String tokenB;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock, @Autowired ApiTokens tokens) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        tokenA = tokens.issue(accounts.citizen("api.a@test.baeum", "앱시민", LocalDate.of(1970, 2, 2))).token();
        tokenB = tokens.issue(accounts.citizen("api.b@test.baeum", "다른시민", LocalDate.of(1971, 3, 3))).token();
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void enrol_then_waitlist_replay_and_cancel() throws Exception {
        OfferingId o = fixture.offering(1, 12_000);
        HttpResponse<String> first = send("POST", "/api/v1/offerings/" + o.value() + "/enrollments", tokenA, "key-a-1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode a = json.readTree(first.body());
        assertThat(a.get("status").asString()).isEqualTo("ENROLLED");
        assertThat(a.get("fee").asLong()).isEqualTo(12_000);
        assertThat(a.get("waitlistPosition").isNull()).isTrue();

        HttpResponse<String> replay = send("POST", "/api/v1/offerings/" + o.value() + "/enrollments", tokenA, "key-a-1");
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(json.readTree(replay.body()).get("id").asString()).isEqualTo(a.get("id").asString());

        HttpResponse<String> second = send("POST", "/api/v1/offerings/" + o.value() + "/enrollments", tokenB, "key-b-1");
        JsonNode b = json.readTree(second.body());
        assertThat(b.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(b.get("waitlistPosition").asInt()).isEqualTo(1);

        // B may not touch A's enrolment
        assertThat(send("DELETE", "/api/v1/enrollments/" + a.get("id").asString(), tokenB, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/enrollments/" + a.get("id").asString() + "/offer/accept", tokenB, null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> mineB = send("GET", "/api/v1/me/enrollments", tokenB, null);
        assertThat(mineB.body()).doesNotContain(a.get("id").asString());

        assertThat(send("DELETE", "/api/v1/enrollments/" + a.get("id").asString(), tokenA, null).statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = send("POST", "/api/v1/enrollments/" + b.get("id").asString() + "/offer/accept", tokenB, null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json.readTree(accepted.body()).get("status").asString()).isEqualTo("ENROLLED");
        JsonNode mine = json.readTree(send("GET", "/api/v1/me/enrollments", tokenB, null).body());
        assertThat(mine.get(0).get("status").asString()).isEqualTo("ENROLLED");
    }

    @Test
    void a_closed_window_is_409_with_a_translated_message() throws Exception {
        OfferingId o = fixture.offering(1, 0);
        clock.advance(Duration.between(clock.instant(), catalog.offering(o).orElseThrow().recruitment().closesAt())
                .plusMinutes(1));
        String fresh = tokens.issue(accounts.user("api.a@test.baeum")).token(); // the first one has expired by now
        HttpResponse<String> closed = send("POST", "/api/v1/offerings/" + o.value() + "/enrollments", fresh, "key-closed");
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(json.readTree(closed.body()).get("reason").asString()).isEqualTo("CLOSED");
        assertThat(json.readTree(closed.body()).get("error").asString()).contains("신청 기간");
        HttpResponse<String> badKey = send("POST", "/api/v1/offerings/" + o.value() + "/enrollments", fresh, "<script>");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/v1/offerings/" + o.value() + "/enrollments", null, "k").statusCode()).isEqualTo(401);
    }

    @Test
    void a_lottery_offering_is_refused_first_come_with_409_lottery_phase_and_nothing_is_stored() throws Exception {
        OfferingId o = fixture.offering(3, 12_000, org.baeum.catalog.RecruitmentMethod.LOTTERY, List.of());

        HttpResponse<String> refused = send("POST", "/api/v1/offerings/" + o.value() + "/enrollments", tokenA, "key-lottery-1");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("code").asString()).isEqualTo("lottery_phase");
        assertThat(body.get("reason").asString()).isEqualTo("LOTTERY_PHASE");
        assertThat(body.get("error").asString()).startsWith("이 강좌는 추첨으로 모집합니다");
        assertThat(send("GET", "/api/v1/me/enrollments", tokenA, null).body()).doesNotContain(o.value());
    }

    private HttpResponse<String> send(String method, String path, String token, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "ko").header("Content-Type", "application/json")
                .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
