package org.baeum.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Classification;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.PlanningChecks;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.Publication;
import org.baeum.catalog.Term;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The catalog's planning API: create, change and publish programs and offerings as STAFF and ADMIN with the
 * screens' rules and messages (422 per field, ko or en, nothing stored), 404 for unknown ids, and the exact refusals.
 */
@BaeumIntegrationTest
class CatalogWriteApiTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    CatalogService catalog;
    @Autowired
    PlanningChecks checks;
    @Autowired
    MutableClock clock;

    static BaeumUser staff;
    static BaeumUser admin;
    static BaeumUser citizen;
    static BaeumUser instructor;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        org.baeum.DemoCatalogFixture.load(contributors);
        staff = accounts.create("api-planner", Role.STAFF);
        admin = accounts.create("api-admin", Role.ADMIN);
        citizen = accounts.create("api-citizen", Role.CITIZEN);
        instructor = accounts.create("api-teacher", Role.INSTRUCTOR);
    }

    private HttpResponse<String> send(String method, String path, BaeumUser who, String body, String language)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (who != null) {
            b.header("Authorization", "Bearer " + tokens.issue(who).token());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, BaeumUser who, String body) throws Exception {
        return send(method, path, who, body, "ko");
    }

    private static String programBody(String title) {
        return """
                {"titleKo": "%s", "titleEn": "Village choir", "domain": "SUPPORT_SYSTEM", "area": "CULTURE_ARTS",
                 "subcategory": "EVERYDAY_ARTS", "audience": "ADULT", "kind": "CLASS", "branchId": "main",
                 "fee": 30000, "minAge": 19, "instructors": ["%s"], "accessibility": ["STEP_FREE"]}"""
                .formatted(title, instructor.accountId());
    }

    private String offeringBody(String programId) {
        Term term = catalog.terms().stream().filter(t -> t.id().value().equals("demo-3m-next")).findFirst().orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        return """
                {"programId": "%s", "termId": "demo-3m-next", "roomId": "main-club", "weekdays": ["SUNDAY"],
                 "startTime": "09:00", "endTime": "10:30", "firstDate": "%s", "lastDate": "%s", "capacity": 12,
                 "phases": [{"opens": "%sT10:00", "closes": "%sT18:00", "method": "FIRST_COME"}]}"""
                .formatted(programId, term.startDate(), term.endDate(), today, term.startDate().minusDays(2));
    }

    private Program program(String id) {
        return SystemIdentity.call(() -> catalog.program(new ProgramId(id)).orElseThrow());
    }

    private Offering offering(String id) {
        return SystemIdentity.call(() -> checks.offering(new OfferingId(id)).orElseThrow());
    }

    private int programCount() {
        return SystemIdentity.call(() -> catalog.programs().size());
    }

    private long offeringCount() {
        return SystemIdentity.call(() -> catalog.searchForStaff(org.baeum.catalog.CatalogQuery.all()).total());
    }

    @Test
    void staff_create_change_and_publish_a_program_and_an_offering() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/programs", staff, programBody("마을 합창단 (API)"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String programId = json.readTree(created.body()).get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/programs/" + programId);
        Program stored = program(programId);
        assertThat(stored.classification()).isEqualTo(Classification.of(LearningSubcategory.EVERYDAY_ARTS));
        assertThat(stored.instructors()).extracting(Instructor::accountId).containsExactly(instructor.accountId());
        assertThat(stored.fee()).isEqualTo(30_000);
        assertThat(stored.feeReductionsApply()).isTrue();

        HttpResponse<String> patched = send("PATCH", "/api/v1/programs/" + programId, admin,
                "{\"fee\": 45000, \"titleEn\": null, \"subcategory\": null}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        stored = program(programId);
        assertThat(stored.fee()).isEqualTo(45_000);
        assertThat(stored.titleEn()).isNull();
        assertThat(stored.titleKo()).isEqualTo("마을 합창단 (API)");
        assertThat(stored.minAge()).isEqualTo(19);
        assertThat(stored.classification()).isEqualTo(new Classification(
                org.baeum.catalog.LearningArea.CULTURE_ARTS, null));

        HttpResponse<String> planned = send("POST", "/api/v1/offerings", staff, offeringBody(programId));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String offeringId = json.readTree(planned.body()).get("id").asString();
        assertThat(planned.headers().firstValue("Location")).hasValue("/api/v1/offerings/" + offeringId);
        assertThat(json.readTree(planned.body()).get("area").asString()).isEqualTo("CULTURE_ARTS");
        Offering o = offering(offeringId);
        assertThat(o.publication()).isEqualTo(Publication.DRAFT);
        assertThat(o.capacity()).isEqualTo(12);
        assertThat(o.program().fee()).isEqualTo(45_000);

        HttpResponse<String> changed = send("PATCH", "/api/v1/offerings/" + offeringId, staff,
                "{\"capacity\": 10, \"endTime\": \"11:00\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        o = offering(offeringId);
        assertThat(o.capacity()).isEqualTo(10);
        assertThat(o.schedule().endTime()).isEqualTo(LocalTime.of(11, 0));
        assertThat(o.schedule().startTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(o.schedule().weekdays()).isEqualTo(Set.of(DayOfWeek.SUNDAY));
        assertThat(o.recruitment().phases()).hasSize(1);

        HttpResponse<String> published = send("POST", "/api/v1/offerings/" + offeringId + "/publish", staff, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(offering(offeringId).publication()).isEqualTo(Publication.PUBLISHED);
    }

    @Test
    void a_bad_field_is_422_with_its_message_in_the_callers_language_and_nothing_is_stored() throws Exception {
        int programs = programCount();
        String body = "{\"titleKo\": \"잘못된 강좌\", \"domain\": \"ACCESS\", \"audience\": \"ADULT\", \"kind\": \"CLASS\","
                + " \"branchId\": \"main\", \"fee\": -1}";
        HttpResponse<String> ko = send("POST", "/api/v1/programs", staff, body, "ko");
        assertThat(ko.statusCode()).isEqualTo(422);
        JsonNode answer = json.readTree(ko.body());
        assertThat(answer.get("error").asString()).isEqualTo("invalid_fields");
        assertThat(answer.get("message").asString()).isEqualTo("확인이 필요한 항목이 있습니다.");
        assertThat(answer.get("fields").get("fee").asString()).isEqualTo("수강료는 0원에서 10,000,000원 사이로 입력해 주세요.");
        assertThat(answer.get("fields").get("area").asString()).isEqualTo("평생교육 영역을 골라 주세요.");

        JsonNode en = json.readTree(send("POST", "/api/v1/programs", staff, body, "en").body());
        assertThat(en.get("fields").get("fee").asString()).isEqualTo("The fee must be between 0 and 10,000,000 won.");
        assertThat(en.get("fields").get("area").asString()).isEqualTo("Please choose the lifelong-education area.");
        assertThat(programCount()).isEqualTo(programs);

        long offerings = offeringCount();
        String bad = offeringBody("demo-calligraphy").replace("\"capacity\": 12", "\"capacity\": 0")
                .replace("\"startTime\": \"09:00\"", "\"startTime\": \"nine\"");
        HttpResponse<String> offering = send("POST", "/api/v1/offerings", staff, bad, "en");
        assertThat(offering.statusCode()).isEqualTo(422);
        JsonNode fields = json.readTree(offering.body()).get("fields");
        assertThat(fields.get("capacity").asString()).isEqualTo("Capacity must be at least 1.");
        assertThat(fields.get("startTime").asString())
                .isEqualTo("This value cannot be read. Please send it like this: 09:30");
        assertThat(offeringCount()).isEqualTo(offerings);
    }

    @Test
    void a_sub_category_of_another_area_is_refused_at_subcategory_and_a_patch_changes_nothing() throws Exception {
        int programs = programCount();
        String body = programBody("문해 아닌 합창").replace("\"subcategory\": \"EVERYDAY_ARTS\"",
                "\"subcategory\": \"LITERACY_BASICS\"");
        HttpResponse<String> created = send("POST", "/api/v1/programs", staff, body);
        assertThat(created.statusCode()).isEqualTo(422);
        JsonNode fields = json.readTree(created.body()).get("fields");
        assertThat(fields.get("subcategory").asString()).isEqualTo("이 세부 분류는 고른 평생교육 영역에 속하지 않습니다.");
        assertThat(fields.has("area")).isFalse();
        assertThat(programCount()).isEqualTo(programs);

        Program before = program("demo-swim-beginner");
        HttpResponse<String> patched = send("PATCH", "/api/v1/programs/demo-swim-beginner", staff,
                "{\"area\": \"ADULT_LITERACY\", \"titleKo\": \"바뀌면 안 됨\"}");
        assertThat(patched.statusCode()).isEqualTo(422);
        assertThat(json.readTree(patched.body()).get("fields").get("subcategory").asString())
                .isEqualTo("이 세부 분류는 고른 평생교육 영역에 속하지 않습니다.");
        assertThat(program("demo-swim-beginner")).isEqualTo(before);
    }

    @Test
    void what_to_bring_over_300_characters_is_422_at_its_field_and_a_valid_one_is_stored_and_shown() throws Exception {
        String programId = json.readTree(send("POST", "/api/v1/programs", staff, programBody("요가 (API)")).body())
                .get("id").asString();
        HttpResponse<String> tooLong = send("PATCH", "/api/v1/programs/" + programId, staff,
                "{\"whatToBringKo\": \"" + "매".repeat(301) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(json.readTree(tooLong.body()).get("fields").get("whatToBringKo").asString())
                .isEqualTo("300자 이하로 입력해 주세요.");
        assertThat(program(programId).whatToBringKo()).isNull();

        HttpResponse<String> ok = send("PATCH", "/api/v1/programs/" + programId, staff,
                "{\"whatToBringKo\": \"요가 매트, 편한 옷\", \"whatToBringEn\": \"Yoga mat, comfortable clothes\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json.readTree(ok.body()).get("whatToBringEn").asString()).isEqualTo("Yoga mat, comfortable clothes");
        assertThat(program(programId).whatToBringKo()).isEqualTo("요가 매트, 편한 옷");
    }

    @Test
    void unknown_ids_are_404() throws Exception {
        for (String[] call : List.of(new String[] {"PATCH", "/api/v1/programs/no-such-program", "{}"},
                new String[] {"GET", "/api/v1/programs/no-such-program", null},
                new String[] {"PATCH", "/api/v1/offerings/no-such-offering", "{}"},
                new String[] {"POST", "/api/v1/offerings/no-such-offering/publish", null})) {
            HttpResponse<String> r = send(call[0], call[1], staff, call[2]);
            assertThat(r.statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
            assertThat(json.readTree(r.body()).get("error").asString()).isEqualTo("not_found");
        }
        assertThat(json.readTree(send("PATCH", "/api/v1/programs/x", staff, "{}", "en").body()).get("message").asString())
                .isEqualTo("This program was not found.");
    }

    @Test
    void citizens_and_instructors_get_403_and_nobody_signed_in_401_on_every_write_and_nothing_changes() throws Exception {
        String draft = SystemIdentity.call(() -> catalog.saveOffering(new org.baeum.catalog.OfferingDraft(null,
                new ProgramId("demo-calligraphy"), new org.baeum.catalog.TermId("demo-3m-next"), "main-club",
                Set.of(DayOfWeek.SUNDAY), LocalTime.of(13, 0), LocalTime.of(14, 0),
                catalog.terms().stream().filter(t -> t.id().value().equals("demo-3m-next")).findFirst().orElseThrow().startDate(),
                catalog.terms().stream().filter(t -> t.id().value().equals("demo-3m-next")).findFirst().orElseThrow().endDate(),
                8, java.util.List.of(new org.baeum.catalog.OfferingDraft.PhaseDraft(
                        LocalDate.now(clock.withZone(SEOUL)).atTime(10, 0),
                        LocalDate.now(clock.withZone(SEOUL)).plusDays(3).atTime(18, 0),
                        org.baeum.catalog.RecruitmentMethod.FIRST_COME))))).value();
        int programs = programCount();
        Program calligraphy = program("demo-calligraphy");
        List<String[]> writes = List.of(new String[] {"POST", "/api/v1/programs", programBody("거절될 강좌")},
                new String[] {"PATCH", "/api/v1/programs/demo-calligraphy", "{\"fee\": -5}"},
                new String[] {"POST", "/api/v1/offerings", offeringBody("demo-calligraphy")},
                new String[] {"PATCH", "/api/v1/offerings/" + draft, "{\"capacity\": 0}"},
                new String[] {"POST", "/api/v1/offerings/" + draft + "/publish", null});
        for (String[] w : writes) {
            for (BaeumUser who : List.of(citizen, instructor)) {
                HttpResponse<String> r = send(w[0], w[1], who, w[2]);
                assertThat(r.statusCode()).as(who.getUsername() + " " + w[0] + " " + w[1]).isEqualTo(403);
                assertThat(r.body()).isEqualTo("{\"error\":\"forbidden\"}");
            }
            HttpResponse<String> anonymous = send(w[0], w[1], null, w[2]);
            assertThat(anonymous.statusCode()).as("anonymous " + w[0] + " " + w[1]).isEqualTo(401);
            assertThat(anonymous.body()).isEqualTo("{\"error\":\"unauthorized\"}");
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        assertThat(programCount()).isEqualTo(programs);
        assertThat(program("demo-calligraphy")).isEqualTo(calligraphy);
        assertThat(offering(draft).publication()).isEqualTo(Publication.DRAFT);
        assertThat(offering(draft).capacity()).isEqualTo(8);
    }
}
