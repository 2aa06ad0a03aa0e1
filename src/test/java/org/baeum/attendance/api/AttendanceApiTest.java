package org.baeum.attendance.api;

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
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The instructor API: what they teach, rosters, the matrix and marking, with the exact refusals. */
@BaeumIntegrationTest
class AttendanceApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MutableClock clock;

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
        AttendanceClasses.Cast cast = fixture.cast("api-att", "앱출석생", 2, LocalDate.of(1975, 6, 1));
        teacher = cast.teacher();
        otherTeacher = cast.otherTeacher();
        staff = cast.staff();
        citizens = cast.citizens();
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void the_instructor_lists_their_classes_reads_the_roster_and_the_matrix() throws Exception {
        Taught c = classes.taught(teacher, citizens);

        JsonNode taught = json.readTree(ok(send("GET", "/api/v1/instructor/offerings", teacher, null)));
        JsonNode mine = find(taught, c.id().value());
        assertThat(mine.get("title").asString()).startsWith("등록 시험 강좌");
        assertThat(mine.get("sessions").get(0).asString()).isEqualTo(c.sessions().getFirst().toString());
        assertThat(mine.get("sessions").size()).isEqualTo(c.sessions().size());

        JsonNode roster = json.readTree(ok(send("GET", base(c) + "/roster", teacher, null))).get("participants");
        assertThat(roster.size()).isEqualTo(2);
        assertThat(roster.get(0).propertyNames()).containsExactlyInAnyOrder("enrollmentId", "name", "ageBand", "contact");
        assertThat(roster.get(0).get("contact").asString()).contains("***@");
        assertThat(json.readTree(ok(send("GET", base(c) + "/roster", staff, null))).get("participants").size())
                .isEqualTo(2);

        String first = c.sessions().getFirst().toString();
        ok(send("PUT", base(c) + "/sessions/" + first + "/attendance", teacher,
                "[{\"enrollmentId\": \"" + c.entries().getFirst().value() + "\", \"status\": \"LATE\"}]"));
        JsonNode sheet = json.readTree(ok(send("GET", base(c) + "/attendance", teacher, null)));
        assertThat(sheet.get("sessions").get(0).asString()).isEqualTo(first);
        JsonNode row = find(sheet.get("participants"), c.entries().getFirst().value(), "enrollmentId");
        assertThat(row.get("marks").get(first).asString()).isEqualTo("LATE");
    }

    @Test
    void another_instructor_and_a_citizen_get_403_and_nobody_signed_in_401() throws Exception {
        Taught c = classes.taught(teacher, citizens);
        String put = base(c) + "/sessions/" + c.sessions().getFirst() + "/attendance";
        String body = "[{\"enrollmentId\": \"" + c.entries().getFirst().value() + "\", \"status\": \"ABSENT\"}]";
        for (BaeumUser user : List.of(otherTeacher, citizens.getFirst())) {
            assertThat(send("GET", base(c) + "/roster", user, null).statusCode()).as(user.getUsername()).isEqualTo(403);
            assertThat(send("GET", base(c) + "/attendance", user, null).statusCode()).isEqualTo(403);
            assertThat(send("PUT", put, user, body).statusCode()).isEqualTo(403);
        }
        assertThat(send("GET", "/api/v1/instructor/offerings", citizens.getFirst(), null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/instructor/offerings", staff, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", base(c) + "/attendance", null, null).statusCode()).isEqualTo(401);
        assertThat(send("PUT", put, null, body).statusCode()).isEqualTo(401);
        assertThat(marksOf(c)).isEmpty();
    }

    @Test
    void an_outsider_with_a_bad_body_gets_403_not_a_field_message() throws Exception {
        Taught c = classes.taught(teacher, citizens);
        String put = base(c) + "/sessions/" + c.sessions().getFirst() + "/attendance";
        String badStatus = "[{\"enrollmentId\": \"" + c.entries().getFirst().value() + "\", \"status\": \"SLEEPING\"}]";
        for (BaeumUser user : List.of(otherTeacher, citizens.getFirst())) {
            HttpResponse<String> status = send("PUT", put, user, badStatus);
            assertThat(status.statusCode()).as(user.getUsername() + ": " + status.body()).isEqualTo(403);
            assertThat(status.body()).doesNotContain("fields");
            HttpResponse<String> date = send("PUT", base(c) + "/sessions/not-a-day/attendance", user, badStatus);
            assertThat(date.statusCode()).as(user.getUsername() + ": " + date.body()).isEqualTo(403);
        }
        // its own instructor still gets the field message
        assertThat(send("PUT", put, teacher, badStatus).statusCode()).isEqualTo(400);
        assertThat(marksOf(c)).isEmpty();
    }

    @Test
    void marking_twice_gives_the_same_answer() throws Exception {
        Taught c = classes.taught(teacher, citizens);
        String put = base(c) + "/sessions/" + c.sessions().get(1) + "/attendance";
        String body = "[{\"enrollmentId\": \"%s\", \"status\": \"PRESENT\"}, {\"enrollmentId\": \"%s\", \"status\": \"excused\"}]"
                .formatted(c.entries().get(0).value(), c.entries().get(1).value());

        String once = ok(send("PUT", put, teacher, body));
        String twice = ok(send("PUT", put, teacher, body));

        assertThat(json.readTree(twice)).isEqualTo(json.readTree(once));
        assertThat(json.readTree(once).get("marks").get(c.entries().get(1).value()).asString()).isEqualTo("EXCUSED");
    }

    @Test
    void an_unknown_status_or_a_day_that_is_not_a_session_is_400_with_a_translated_message_and_stores_nothing()
            throws Exception {
        Taught c = classes.taught(teacher, citizens);
        String good = "{\"enrollmentId\": \"" + c.entries().get(0).value() + "\", \"status\": \"PRESENT\"}";
        String bad = "{\"enrollmentId\": \"" + c.entries().get(1).value() + "\", \"status\": \"MAYBE\"}";

        HttpResponse<String> unknown = send("PUT", base(c) + "/sessions/" + c.sessions().getFirst() + "/attendance",
                teacher, "[" + good + ", " + bad + "]");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("fields").get("marks[1].status").asString())
                .isEqualTo("알 수 없는 출결 상태입니다. PRESENT, LATE, ABSENT, EXCUSED 중 하나를 쓰세요.");

        for (String day : List.of(c.sessions().getFirst().minusDays(1).toString(), "not-a-day")) {
            HttpResponse<String> notSession = send("PUT", base(c) + "/sessions/" + day + "/attendance", teacher,
                    "[" + good + "]");
            assertThat(notSession.statusCode()).as(day).isEqualTo(400);
            assertThat(json.readTree(notSession.body()).get("fields").get("date").asString())
                    .startsWith("이 날짜는 이 강좌의 수업일이 아닙니다");
        }
        assertThat(marksOf(c)).isEmpty();
    }

    @Test
    void after_seven_days_an_instructor_gets_403_and_staff_need_a_reason() throws Exception {
        Taught c = classes.taught(teacher, citizens);
        LocalDate day = c.sessions().getFirst();
        String put = base(c) + "/sessions/" + day + "/attendance";
        String body = "[{\"enrollmentId\": \"" + c.entries().getFirst().value() + "\", \"status\": \"ABSENT\"}]";
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, day.plusDays(8))));

        assertThat(send("PUT", put, teacher, body).statusCode()).isEqualTo(403);
        HttpResponse<String> noReason = send("PUT", put, staff, body);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noReason.body()).get("fields").get("reason").asString()).contains("7일");
        assertThat(marksOf(c)).isEmpty();

        ok(send("PUT", put + "?reason=" + java.net.URLEncoder.encode("출석부 정정", java.nio.charset.StandardCharsets.UTF_8),
                staff, body));
        assertThat(marksOf(c)).hasSize(1);
    }

    private String base(Taught c) {
        return "/api/v1/offerings/" + c.id().value();
    }

    /** Every mark of the class, read by STAFF, as "enrollmentId@day=STATUS". */
    private List<String> marksOf(Taught c) throws Exception {
        JsonNode sheet = json.readTree(ok(send("GET", base(c) + "/attendance", staff, null)));
        List<String> marks = new java.util.ArrayList<>();
        for (JsonNode row : sheet.get("participants")) {
            row.get("marks").properties().forEach(e -> marks.add(
                    row.get("enrollmentId").asString() + "@" + e.getKey() + "=" + e.getValue().asString()));
        }
        return marks;
    }

    private static JsonNode find(JsonNode array, String id) {
        return find(array, id, "id");
    }

    private static JsonNode find(JsonNode array, String id, String field) {
        for (JsonNode n : array) {
            if (n.get(field).asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + array);
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
