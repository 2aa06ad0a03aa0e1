package org.baeum.attendance.completion.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.ProgramId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The completion API: progress, portfolio, confirmation and rules, with the exact refusals. */
@BaeumIntegrationTest
class CompletionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MutableClock clock;
    @Autowired
    Attendance attendance;
    @Autowired
    CompletionRules rules;
    @Autowired
    CatalogService catalog;

    static AttendanceClasses classes;
    static BaeumUser teacher;
    static BaeumUser otherTeacher;
    static BaeumUser staff;
    static List<BaeumUser> citizens;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void people(@Autowired AttendanceClasses fixture) {
        classes = fixture;
        AttendanceClasses.Cast cast = fixture.cast("api-cmp", "앱수료생", 3, LocalDate.of(1952, 3, 1));
        teacher = cast.teacher();
        otherTeacher = cast.otherTeacher();
        staff = cast.staff();
        citizens = cast.citizens();
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    /** A class with 2/3 and a portfolio: the first attends all, the second exactly 2/3, the third one fewer. */
    Taught markedClass() {
        Taught c = classes.taught(teacher, citizens);
        int n = c.sessions().size();
        int twoThirds = (2 * n + 2) / 3;
        TestAccounts.signIn(staff);
        rules.setRule(program(c), new CompletionRule(2, 3, true));
        for (int i = 0; i < n; i++) {
            attendance.mark(c.id(), c.sessions().get(i), List.of(
                    new Mark(c.entries().get(0), AttendanceStatus.PRESENT),
                    new Mark(c.entries().get(1), i < twoThirds ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT),
                    new Mark(c.entries().get(2), i < twoThirds - 1 ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT)),
                    null);
        }
        TestAccounts.signOut();
        return c;
    }

    private ProgramId program(Taught c) {
        return catalog.offering(c.id()).orElseThrow().program().id();
    }

    private void afterTheLastSession(Taught c) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, c.sessions().getLast()) + 1));
    }

    @Test
    void the_instructor_reads_progress_accepts_a_portfolio_and_confirms_with_certificates() throws Exception {
        Taught c = markedClass();
        afterTheLastSession(c);
        int n = c.sessions().size();

        JsonNode progress = json.readTree(ok(send("GET", base(c), teacher, null)));
        assertThat(progress.get("rule").get("minimumShare").asString()).isEqualTo("2/3");
        assertThat(progress.get("rule").get("portfolioRequired").asBoolean()).isTrue();
        JsonNode first = progress.get("participants").get(0);
        assertThat(first.propertyNames()).contains("enrollmentId", "name", "attended", "held", "share", "meets",
                "reachable", "portfolio", "completed");
        assertThat(first.get("enrollmentId").asString()).isEqualTo(c.entries().get(0).value());
        assertThat(first.get("held").asInt()).isEqualTo(n);
        assertThat(first.get("attended").asInt()).isEqualTo(n);
        assertThat(first.get("share").asDouble()).isEqualTo(1.0);
        assertThat(first.get("portfolio").asBoolean()).isFalse();
        assertThat(first.get("completed").asBoolean()).isFalse();
        JsonNode third = progress.get("participants").get(2);
        assertThat(progress.get("participants").get(1).get("meets").asBoolean()).isTrue(); // exactly 2/3
        assertThat(third.get("meets").asBoolean()).isFalse();
        assertThat(third.get("reachable").asBoolean()).isFalse();

        JsonNode marked = json.readTree(ok(send("PUT", base(c) + "/portfolio/" + c.entries().get(0).value(), teacher,
                "{\"accepted\": true}")));
        assertThat(marked.get("participants").get(0).get("portfolio").asBoolean()).isTrue();

        JsonNode confirmed = json.readTree(ok(send("POST", base(c) + "/confirm", teacher, null))).get("completions");
        assertThat(confirmed.size()).isEqualTo(3);
        assertThat(confirmed.get(0).get("completed").asBoolean()).isTrue();
        String code = confirmed.get(0).get("certificateCode").asString();
        assertThat(code).hasSize(12);
        assertThat(confirmed.get(1).get("completed").asBoolean()).as("no portfolio").isFalse();
        assertThat(confirmed.get(1).get("certificateCode").isNull()).isTrue();

        JsonNode after = json.readTree(ok(send("GET", base(c), staff, null))).get("participants");
        assertThat(after.get(0).get("completed").asBoolean()).isTrue();
        assertThat(after.get(0).get("certificateCode").asString()).isEqualTo(code);
        assertThat(after.get(1).get("completed").asBoolean()).isFalse();
    }

    @Test
    void confirming_before_the_last_session_is_400_with_the_message_and_stores_nothing() throws Exception {
        Taught c = markedClass();

        HttpResponse<String> early = send("POST", base(c) + "/confirm", teacher, null);

        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json.readTree(early.body()).get("fields").get("offering").asString())
                .isEqualTo("수료 확정은 마지막 회차가 끝난 뒤에만 할 수 있습니다.");
        afterTheLastSession(c);
        JsonNode participants = json.readTree(ok(send("GET", base(c), teacher, null))).get("participants");
        assertThat(participants).allSatisfy(p -> assertThat(p.get("completed").asBoolean()).isFalse());
        assertThat(participants).allSatisfy(p -> assertThat(p.get("certificateCode").isNull()).isTrue());
    }

    @Test
    void another_instructor_and_a_citizen_get_403_everywhere_and_nobody_signed_in_401() throws Exception {
        Taught c = markedClass();
        afterTheLastSession(c);
        String portfolio = base(c) + "/portfolio/" + c.entries().get(0).value();
        String rule = "/api/v1/programs/" + program(c).value() + "/completion-rule";
        for (BaeumUser user : java.util.Arrays.asList(otherTeacher, citizens.getFirst(), null)) {
            int refused = user == null ? 401 : 403;
            String who = user == null ? "nobody" : user.getUsername();
            assertThat(send("GET", base(c), user, null).statusCode()).as(who).isEqualTo(refused);
            assertThat(send("PUT", portfolio, user, "{\"accepted\": true}").statusCode()).as(who).isEqualTo(refused);
            assertThat(send("POST", base(c) + "/confirm", user, null).statusCode()).as(who).isEqualTo(refused);
            assertThat(send("GET", rule, user, null).statusCode()).as(who).isEqualTo(refused);
            assertThat(send("PUT", rule, user, "{\"minimumShare\": null}").statusCode()).as(who).isEqualTo(refused);
        }
        // the class's own instructor may not set rules either
        assertThat(send("GET", rule, teacher, null).statusCode()).isEqualTo(403);
        assertThat(send("PUT", rule, teacher, "{\"minimumShare\": null}").statusCode()).isEqualTo(403);

        JsonNode progress = json.readTree(ok(send("GET", base(c), staff, null)));
        assertThat(progress.get("rule").get("minimumShare").asString()).isEqualTo("2/3");
        assertThat(progress.get("participants")).allSatisfy(p -> {
            assertThat(p.get("portfolio").asBoolean()).isFalse();
            assertThat(p.get("completed").asBoolean()).isFalse();
        });
    }

    @Test
    void staff_read_and_set_a_rule_and_a_bad_share_is_400_at_the_field_and_changes_nothing() throws Exception {
        Taught c = classes.taught(teacher, citizens);
        String rule = "/api/v1/programs/" + program(c).value() + "/completion-rule";
        assertThat(json.readTree(ok(send("GET", rule, staff, null))).get("minimumShare").isNull()).isTrue();

        JsonNode set = json.readTree(ok(send("PUT", rule, staff,
                "{\"minimumShare\": \"3/4\", \"portfolioRequired\": true}")));
        assertThat(set.get("minimumShare").asString()).isEqualTo("3/4");
        assertThat(set.get("portfolioRequired").asBoolean()).isTrue();

        HttpResponse<String> notAShare = send("PUT", rule, staff, "{\"minimumShare\": \"most\"}");
        assertThat(notAShare.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notAShare.body()).get("fields").get("minimumShare").asString())
                .isEqualTo("비율은 2/3처럼 분자/분모로 쓰고, 기준이 없으면 비워 두세요.");
        HttpResponse<String> tooMuch = send("PUT", rule, staff, "{\"minimumShare\": \"4/3\"}");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooMuch.body()).get("fields").get("numerator").asString()).contains("0에서 3");

        JsonNode kept = json.readTree(ok(send("GET", rule, staff, null)));
        assertThat(kept.get("minimumShare").asString()).isEqualTo("3/4");
        assertThat(kept.get("portfolioRequired").asBoolean()).isTrue();
        assertThat(send("GET", "/api/v1/programs/no-such-program/completion-rule", staff, null).statusCode())
                .isEqualTo(404);
    }

    private String base(Taught c) {
        return "/api/v1/offerings/" + c.id().value() + "/completion";
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, BaeumUser user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "ko");
        if (user != null) {
            b.header("Authorization", "Bearer " + tokens.issue(user).token()); // fresh: the clock may have moved
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
