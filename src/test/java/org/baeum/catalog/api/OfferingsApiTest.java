package org.baeum.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.base.demo.DemoDataContributor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The public JSON contract of /api/v1/offerings, and bad parameters answered with 400, never 500. */
@BaeumIntegrationTest
class OfferingsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void demoCatalog(@Autowired List<DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
    }

    private HttpResponse<String> get(String pathAndQuery, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_list_has_the_contracted_fields_and_paging() throws Exception {
        HttpResponse<String> response = get("/api/v1/offerings?q=" + URLEncoder.encode("수영", StandardCharsets.UTF_8)
                + "&weekday=SATURDAY&page=0&size=5", "ko");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("total").asLong()).isPositive();
        assertThat(body.get("page").asInt()).isZero();
        assertThat(body.get("size").asInt()).isEqualTo(5);
        JsonNode item = body.get("items").get(0);
        for (String field : List.of("id", "title", "programId", "branch", "audience", "term", "schedule", "capacity",
                "seatsLeft", "waitlistLength", "fee", "status", "recruitment")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(item.get("title").asString()).contains("수영");
        assertThat(item.get("schedule").asString()).contains("토");
        assertThat(item.get("recruitment").has("opensAt")).isTrue();
        assertThat(item.get("recruitment").get("method").asString()).isIn("FIRST_COME", "LOTTERY");
    }

    @Test
    void the_recruitment_object_is_the_current_phase_with_every_phase_beside_it() throws Exception {
        for (JsonNode item : json.readTree(get("/api/v1/offerings?size=100", "ko").body()).get("items")) {
            JsonNode r = item.get("recruitment");
            JsonNode phases = r.get("phases");
            assertThat(phases.size()).as(item.get("id").asString()).isPositive();
            for (JsonNode phase : phases) {
                for (String field : List.of("opensAt", "closesAt", "method", "open")) {
                    assertThat(phase.has(field)).as(field).isTrue();
                }
            }
            if (phases.size() == 1) {
                assertThat(phases.get(0)).as("one phase: the recruitment object is that phase")
                        .isEqualTo(withoutPhases(r));
            }
        }
    }

    @Test
    void a_lottery_then_first_come_offering_shows_the_phase_of_the_moment() throws Exception {
        JsonNode item = null;
        String path = "/api/v1/offerings?q=" + URLEncoder.encode("인문학", StandardCharsets.UTF_8)
                + "&term=demo-3m-next&size=100";
        for (JsonNode candidate : json.readTree(get(path, "ko").body()).get("items")) {
            if (candidate.get("recruitment").get("phases").size() == 2 && candidate.get("recruitment").get("open").asBoolean()) {
                item = candidate;
            }
        }
        assertThat(item).as("a demo lottery of the next quarter in its draw").isNotNull();
        String detail = "/api/v1/offerings/" + item.get("id").asString();
        JsonNode r = item.get("recruitment");
        JsonNode draw = r.get("phases").get(0);
        JsonNode leftovers = r.get("phases").get(1);
        assertThat(draw.get("method").asString()).isEqualTo("LOTTERY");
        assertThat(draw.get("open").asBoolean()).isTrue();
        assertThat(leftovers.get("method").asString()).isEqualTo("FIRST_COME");
        assertThat(leftovers.get("open").asBoolean()).isFalse();
        assertThat(withoutPhases(r)).isEqualTo(draw);
        assertThat(item.get("status").asString()).isEqualTo("RECRUITING");
        try {
            // between the two phases: the next one, not open; the offering still recruits (the whole window)
            clock.advance(Duration.between(clock.instant(), Instant.parse(draw.get("closesAt").asString())));
            JsonNode gap = json.readTree(get(detail, "ko").body());
            assertThat(gap.get("recruitment").get("method").asString()).isEqualTo("FIRST_COME");
            assertThat(gap.get("recruitment").get("open").asBoolean()).isFalse();
            assertThat(gap.get("recruitment").get("opensAt")).isEqualTo(leftovers.get("opensAt"));
            assertThat(gap.get("status").asString()).isEqualTo("RECRUITING");
            // the second phase
            clock.advance(Duration.between(clock.instant(), Instant.parse(leftovers.get("opensAt").asString())));
            JsonNode second = json.readTree(get(detail, "ko").body()).get("recruitment");
            assertThat(second.get("phases").get(0).get("open").asBoolean()).isFalse();
            assertThat(second.get("phases").get(1).get("open").asBoolean()).isTrue();
            assertThat(withoutPhases(second)).isEqualTo(second.get("phases").get(1));
        } finally {
            clock.reset();
        }
    }

    private static JsonNode withoutPhases(JsonNode recruitment) {
        var copy = (tools.jackson.databind.node.ObjectNode) recruitment.deepCopy();
        copy.remove("phases");
        return copy;
    }

    @Test
    void the_detail_has_the_session_dates_and_english_texts() throws Exception {
        JsonNode list = json.readTree(get("/api/v1/offerings?size=1", "en").body());
        String id = list.get("items").get(0).get("id").asString();
        HttpResponse<String> response = get("/api/v1/offerings/" + id, "en");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode item = json.readTree(response.body());
        assertThat(item.get("id").asString()).isEqualTo(id);
        assertThat(item.get("sessionDates").size()).isEqualTo(item.get("sessionCount").asInt()).isPositive();
        assertThat(item.get("schedule").asString()).matches(".*(Mon|Tue|Wed|Thu|Fri|Sat|Sun).*");
    }

    @Test
    void bad_parameters_are_a_400_with_a_message() throws Exception {
        for (String bad : List.of("domain=cooking", "page=-1", "size=1000", "age=old", "weekday=someday", "free=maybe",
                "sort=random")) {
            HttpResponse<String> response = get("/api/v1/offerings?" + bad, "ko");
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("error").asString()).isEqualTo("invalid_parameter");
            assertThat(body.get("message").asString()).isNotBlank();
        }
    }

    @Test
    void bad_paging_is_a_400_that_names_the_parameter_and_says_it_was_refused() throws Exception {
        for (String[] bad : new String[][] {
                {"page=21474837&size=100", "page"}, // page × size overflowed an int and gave the first page
                {"page=2147483647&size=2", "page"}, {"page=99999999999", "page"}, {"page=-1", "page"},
                {"page=abc", "page"}, {"page=1.5", "page"}, {"page=101&size=100", "page"}, {"page=10001&size=1", "page"},
                {"size=0", "size"}, {"size=101", "size"}, {"size=-5", "size"}, {"size=abc", "size"},
                {"size=2147483648", "size"}}) {
            HttpResponse<String> ko = get("/api/v1/offerings?" + bad[0], "ko");
            assertThat(ko.statusCode()).as(bad[0]).isEqualTo(400);
            JsonNode body = json.readTree(ko.body());
            assertThat(body.get("error").asString()).as(bad[0]).isEqualTo("invalid_parameter");
            assertThat(body.get("parameter").asString()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(body.get("message").asString()).as(bad[0]).contains("거절했습니다").doesNotContain("무시");
            HttpResponse<String> en = get("/api/v1/offerings?" + bad[0], "en");
            assertThat(json.readTree(en.body()).get("message").asString()).as(bad[0]).contains("was refused")
                    .doesNotContain("ignored");
        }
        assertThat(json.readTree(get("/api/v1/offerings?size=101", "en").body()).get("message").asString())
                .isEqualTo("The value '101' of 'size' was refused: it must be from 1 to 100.");
        // the deepest page allowed is still answered
        HttpResponse<String> deepest = get("/api/v1/offerings?page=100&size=100", "ko");
        assertThat(deepest.statusCode()).isEqualTo(200);
        assertThat(json.readTree(deepest.body()).get("page").asInt()).isEqualTo(100);
        assertThat(json.readTree(deepest.body()).get("items").size()).isZero();
    }

    @Test
    void an_unknown_offering_is_a_404() throws Exception {
        assertThat(get("/api/v1/offerings/no-such-offering", "ko").statusCode()).isEqualTo(404);
        // the firewall refuses encoded dots before any controller: still the API's JSON, no session
        HttpResponse<String> dots = get("/api/v1/offerings/%2E%2E", "ko");
        assertThat(dots.statusCode()).as(dots.body()).isEqualTo(400);
        assertThat(json.readTree(dots.body()).get("error").asString()).isEqualTo("invalid_request");
        assertThat(dots.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void the_openapi_document_describes_the_catalog() throws Exception {
        HttpResponse<String> response = get("/api/v1/openapi", "en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/offerings").contains("/api/v1/auth/token");
        JsonNode schemas = json.readTree(response.body()).get("components").get("schemas");
        JsonNode recruitment = schemas.get("RecruitmentJson");
        assertThat(recruitment.get("description").asString()).contains("current phase");
        assertThat(recruitment.get("properties").get("phases").get("type").asString()).isEqualTo("array");
        assertThat(schemas.get("PhaseJson").get("properties").get("method").get("enum").toString())
                .contains("FIRST_COME", "LOTTERY", "RE_REGISTRATION", "RESERVED");
    }
}
