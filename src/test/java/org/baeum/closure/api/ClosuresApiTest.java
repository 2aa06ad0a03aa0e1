package org.baeum.closure.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The closures API (decision 0043): a dry run answers the impact in the issue's shape and stores nothing, a declare
 * answers 201 with the plan, field problems 400 {@code invalid_fields} in the caller's language.
 */
@BaeumIntegrationTest
class ClosuresApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MutableClock clock;

    static BaeumUser staff;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        org.baeum.DemoCatalogFixture.load(contributors);
        staff = accounts.create("closure-api-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF);
    }

    private HttpResponse<String> send(String method, String path, String body, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.issue(staff).token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_dry_run_answers_the_impact_and_a_declare_the_plan() throws Exception {
        LocalDate day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Seoul"))).plusDays(20);
        String body = """
                {"branchId": "main", "roomId": "main-gallery", "firstDay": "%s", "lastDay": "%s", "fromTime": "10:00",
                 "toTime": "12:00", "reasonKo": "전시 교체", "reasonEn": "New exhibition", "offerings": {}}"""
                .formatted(day, day.plusDays(1));

        HttpResponse<String> preview = send("POST", "/api/v1/closures?dryRun=true", body, "en");
        assertThat(preview.statusCode()).isEqualTo(200);
        JsonNode impact = json.readTree(preview.body());
        assertThat(impact.has("sessions") && impact.has("bookings") && impact.has("offers") && impact.has("people")
                && impact.has("clubSlots")).as(preview.body()).isTrue();
        assertThat(json.readTree(send("GET", "/api/v1/closures", null, "en").body()).toString())
                .as("a dry run stores nothing").doesNotContain("New exhibition");

        HttpResponse<String> declared = send("POST", "/api/v1/closures?dryRun=false", body, "en");
        assertThat(declared.statusCode()).isEqualTo(201);
        JsonNode plan = json.readTree(declared.body());
        assertThat(plan.get("status").asString()).isEqualTo("APPLYING");
        assertThat(plan.get("impact")).isEqualTo(impact);
        assertThat(plan.get("request").get("fromTime").asString()).startsWith("10:00");
        assertThat(json.readTree(send("GET", "/api/v1/closures", null, "en").body()).toString()).contains(plan.get("id")
                .asString());
    }

    @Test
    void field_problems_answer_400_with_a_message_per_field_in_the_callers_language() throws Exception {
        LocalDate day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Seoul"))).plusDays(3);
        String body = """
                {"roomId": "main-ll-1", "facilityId": "main-pool", "firstDay": "%s", "lastDay": "%s", "reasonKo": " "}"""
                .formatted(day, day.minusDays(1));
        HttpResponse<String> answer = send("POST", "/api/v1/closures?dryRun=false", body, "en");
        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(answer.body());
        assertThat(error.get("error").asString()).isEqualTo("invalid_fields");
        assertThat(error.get("fields").get("facilityId").asString()).isEqualTo("Choose a room or a facility, not both.");
        assertThat(error.get("fields").has("reasonKo")).isTrue();
        assertThat(error.get("fields").has("reasonEn")).isTrue();
        assertThat(error.get("fields").has("lastDay")).isTrue();
        HttpResponse<String> korean = send("POST", "/api/v1/closures", body, "ko");
        assertThat(json.readTree(korean.body()).get("fields").get("facilityId").asString())
                .isEqualTo("강의실과 시설 중 하나만 고르세요.");
    }
}
