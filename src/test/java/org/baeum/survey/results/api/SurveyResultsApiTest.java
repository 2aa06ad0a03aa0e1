package org.baeum.survey.results.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.survey.SurveyId;
import org.baeum.survey.results.SurveyResultsFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v1/surveys/{id}/results}: the JSON's shape and figures for STAFF and ADMIN; 401 without a token, 403
 * for citizens and the class's own instructor, 404 for an unknown survey.
 */
@BaeumIntegrationTest
class SurveyResultsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    TestAccounts accounts;
    @Autowired
    SurveyResultsFixture surveys;
    @Autowired
    CatalogService catalog;
    @Autowired
    java.time.Clock clock;
    @Autowired
    List<DemoDataContributor> contributors;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    private record Made(SurveyId survey, OfferingId big, OfferingId small, BaeumUser teacher) {
    }

    private Made survey(String name) {
        DemoCatalogFixture.load(contributors);
        BaeumUser teacher = accounts.userOrCreate("results-api-teacher-" + name, Role.INSTRUCTOR);
        EnrollmentFixture fixture = new EnrollmentFixture(catalog, clock);
        List<Instructor> taught = List.of(new Instructor(teacher.accountId(), "박강사"));
        OfferingId big = fixture.offering(20, 0, RecruitmentMethod.FIRST_COME, taught);
        OfferingId small = fixture.offering(20, 0, RecruitmentMethod.FIRST_COME, taught);
        SurveyId id = surveys.survey("API 만족도 " + name, true, big, small);
        surveys.answers(id, big, 10, List.of(
                Map.of("overall", 5, "room", 4, "heard", 1, "comment", "좋아요"),
                Map.of("overall", 5, "room", 4, "heard", 2, "comment", "=HYPERLINK(\"x\")"),
                Map.of("overall", 4, "room", 3),
                Map.of("overall", 4, "room", 2, "heard", 2),
                Map.of("overall", 1, "room", 1, "heard", 3, "comment", "  ")));
        surveys.answers(id, small, 3, List.of(Map.of("overall", 2, "comment", "작은 반 의견")));
        return new Made(id, big, small, teacher);
    }

    @Test
    void staff_get_the_results_with_every_question_and_each_class() throws Exception {
        Made m = survey("shape");
        BaeumUser staff = accounts.userOrCreate("results-api-staff", Role.STAFF);
        HttpResponse<String> answer = get("/api/v1/surveys/" + m.survey().value() + "/results", staff, "ko");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode r = json.readTree(answer.body());
        assertThat(r.get("surveyId").asString()).isEqualTo(m.survey().value());
        assertThat(r.get("title").asString()).isEqualTo("API 만족도 shape");
        assertThat(r.get("closed").asBoolean()).isTrue();
        assertThat(r.get("invited").asLong()).isEqualTo(13);
        assertThat(r.get("answered").asLong()).isEqualTo(6);
        assertThat(r.get("responseRate").asDouble()).isEqualTo(46.2);
        assertThat(r.get("textsHidden").asBoolean()).isFalse();
        JsonNode questions = r.get("questions");
        assertThat(questions.valueStream().map(q -> q.get("id").asString())).containsExactly("overall", "room", "heard",
                "comment");
        assertThat(questions.get(0).toString()).isEqualTo("{\"id\":\"overall\",\"text\":\"전반적으로 만족하십니까?\","
                + "\"type\":\"SCALE\",\"scale\":5,\"rated\":true,\"labels\":[\"매우 불만족\",\"불만족\",\"보통\",\"만족\","
                + "\"매우 만족\"],\"count\":6,\"distribution\":[1,1,0,2,2],\"mean\":3.5,\"satisfiedShare\":66.7}");
        assertThat(questions.get(2).get("mean").isNull()).isTrue();
        assertThat(questions.get(2).get("distribution").toString()).isEqualTo("[1,2,1]");
        JsonNode comment = questions.get(3);
        assertThat(comment.get("type").asString()).isEqualTo("TEXT");
        assertThat(comment.get("scale").isNull()).isTrue();
        assertThat(comment.get("count").asLong()).isEqualTo(3);
        assertThat(comment.get("texts").toString()).isEqualTo("[\"=HYPERLINK(\\\"x\\\")\",\"작은 반 의견\",\"좋아요\"]");

        JsonNode offerings = r.get("offerings");
        assertThat(offerings).hasSize(2);
        JsonNode small = offerings.valueStream().filter(o -> o.get("offeringId").asString().equals(m.small().value()))
                .findFirst().orElseThrow();
        assertThat(small.get("invited").asLong()).isEqualTo(3);
        assertThat(small.get("answered").asLong()).isEqualTo(1);
        assertThat(small.get("responseRate").asDouble()).isEqualTo(33.3);
        assertThat(small.get("satisfiedShare").asDouble()).isEqualTo(0.0);
        assertThat(small.get("textsHidden").asBoolean()).isTrue();

        BaeumUser admin = accounts.userOrCreate("results-api-admin", Role.ADMIN);
        HttpResponse<String> english = get("/api/v1/surveys/" + m.survey().value() + "/results", admin, "en");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(json.readTree(english.body()).get("questions").get(0).get("text").asString())
                .isEqualTo("Overall satisfaction");
    }

    @Test
    void citizens_and_instructors_get_403_and_no_token_401() throws Exception {
        Made m = survey("roles");
        String path = "/api/v1/surveys/" + m.survey().value() + "/results";
        BaeumUser citizen = accounts.citizen("results.api.citizen@test.baeum", "결과시민", LocalDate.of(1980, 1, 1));
        HttpResponse<String> anonymous = get(path, null, "ko");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"error\":\"unauthorized\"}");
        for (BaeumUser refused : new BaeumUser[]{citizen, m.teacher()}) {
            HttpResponse<String> answer = get(path, refused, "ko");
            assertThat(answer.statusCode()).as(refused.getUsername()).isEqualTo(403);
            assertThat(answer.body()).isEqualTo("{\"error\":\"forbidden\"}");
        }
    }

    @Test
    void an_unknown_survey_is_404() throws Exception {
        BaeumUser staff = accounts.userOrCreate("results-api-staff", Role.STAFF);
        HttpResponse<String> answer = get("/api/v1/surveys/nope/results", staff, "ko");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"그런 만족도 조사는 없습니다.\"}");
    }

    private HttpResponse<String> get(String path, BaeumUser who, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).GET();
        if (who != null) {
            b.header("Authorization", "Bearer " + tokens.issue(who).token());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
