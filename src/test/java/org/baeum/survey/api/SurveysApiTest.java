package org.baeum.survey.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.survey.SurveyFixture;
import org.baeum.survey.internal.AnswerRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The survey API's shapes: a household's open invitations (bearer token, CITIZEN), the form and the answer by the
 * link's token (no sign-in), 400 at the question for an answer off the scale, 404 for a changed link and 410 after the
 * close, with nothing stored.
 */
@BaeumIntegrationTest
class SurveysApiTest {

    @LocalServerPort
    int port;
    @Autowired
    SurveyFixture fixture;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MongoDatabase db;
    @Autowired
    MutableClock clock;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void a_citizen_lists_their_open_invitations_and_answers_by_the_link() throws Exception {
        SurveyFixture.Sent sent = fixture.sent("svapi", 2);
        BaeumUser citizen = sent.citizens().getFirst();
        assertThat(send("GET", "/api/v1/me/surveys", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/me/surveys", bearer(sent.staff()), null).statusCode()).isEqualTo(403);

        HttpResponse<String> mine = send("GET", "/api/v1/me/surveys", bearer(citizen), null);
        assertThat(mine.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(mine.body());
        assertThat(list).hasSize(1);
        JsonNode invitation = list.get(0);
        assertThat(invitation.get("surveyId").asString()).isEqualTo(sent.survey().id().value());
        assertThat(invitation.get("offeringId").asString()).isEqualTo(sent.offering().value());
        assertThat(invitation.get("title").asString()).isEqualTo("시험 만족도 조사");
        assertThat(invitation.get("token").asString()).isEqualTo(sent.token(0));
        assertThat(invitation.get("closesAt").asString()).isEqualTo(sent.survey().closesAt().toString());
        assertThat(invitation.get("answered").asBoolean()).isFalse();

        String token = sent.token(0);
        HttpResponse<String> form = send("GET", "/api/v1/surveys/" + token, null, null);
        assertThat(form.statusCode()).isEqualTo(200);
        JsonNode f = json.readTree(form.body());
        assertThat(f.get("surveyId").asString()).isEqualTo(sent.survey().id().value());
        assertThat(f.get("title").asString()).isEqualTo("시험 만족도 조사");
        JsonNode first = f.get("questions").get(0);
        assertThat(first.get("id").asString()).isEqualTo("overall");
        assertThat(first.get("type").asString()).isEqualTo("SCALE");
        assertThat(first.get("scale").asInt()).isEqualTo(5);
        assertThat(first.get("text").asString()).isEqualTo("이 강좌에 전반적으로 만족하십니까?");
        JsonNode comment = f.get("questions").get(6);
        assertThat(comment.get("type").asString()).isEqualTo("TEXT");

        String answer = "{\"answers\": {\"overall\": 4, \"instructor\": 5, \"content\": 4, \"room\": 3, "
                + "\"running\": 4, \"recommend\": 5, \"comment\": \"좋았습니다\"}}";
        HttpResponse<String> put = send("PUT", "/api/v1/surveys/" + token, null, answer);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(json.readTree(put.body()).get("answered").asBoolean()).isTrue();
        assertThat(json.readTree(send("GET", "/api/v1/me/surveys", bearer(citizen), null).body()).get(0)
                .get("answered").asBoolean()).isTrue();
        assertThat(json.readTree(send("GET", "/api/v1/surveys/" + token, null, null).body()).get("answers")
                .get("room").asInt()).isEqualTo(3);
        assertThat(stored(sent)).isEqualTo(1);
    }

    @Test
    void an_answer_off_the_scale_a_changed_link_and_a_closed_survey_store_nothing() throws Exception {
        SurveyFixture.Sent sent = fixture.sent("svapibad", 1);
        String token = sent.token(0);
        HttpResponse<String> off = send("PUT", "/api/v1/surveys/" + token, null,
                "{\"answers\": {\"overall\": 7, \"instructor\": 5, \"content\": 4, \"room\": 3, \"running\": 4, "
                        + "\"recommend\": 5}}");
        assertThat(off.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(off.body());
        assertThat(body.get("error").asString()).isEqualTo("invalid_fields");
        assertThat(body.get("fields").get("overall").asString()).isEqualTo("1부터 5 사이에서 골라 주세요.");
        assertThat(body.get("fields").size()).isEqualTo(1);

        String changed = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        HttpResponse<String> forged = send("PUT", "/api/v1/surveys/" + changed, null, "{\"answers\": {\"overall\": 5}}");
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(json.readTree(forged.body()).get("error").asString()).isEqualTo("invalid_link");
        assertThat(send("GET", "/api/v1/surveys/" + changed, null, null).statusCode()).isEqualTo(404);

        clock.advance(Duration.ofDays(8));
        HttpResponse<String> late = send("PUT", "/api/v1/surveys/" + token, null,
                "{\"answers\": {\"overall\": 5, \"instructor\": 5, \"content\": 5, \"room\": 5, \"running\": 5, "
                        + "\"recommend\": 5}}");
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(json.readTree(late.body()).get("error").asString()).isEqualTo("closed");
        assertThat(stored(sent)).isZero();
    }

    private long stored(SurveyFixture.Sent sent) {
        return db.getCollection(AnswerRepository.COLLECTION)
                .countDocuments(Filters.eq("surveyId", sent.survey().id().value()));
    }

    private String bearer(BaeumUser user) {
        return tokens.issue(user).token();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "ko");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
