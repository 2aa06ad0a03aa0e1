package org.baeum.attendance.degree;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.attendance.completion.Completions;
import org.baeum.attendance.transcript.CompletedClass;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.notification.internal.OutboxRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Honorary degrees over a completed class of four households (the first three complete): versions of the rule,
 * hours at the threshold, the output a master needs, one award per level, the access log and mail of each step,
 * who may do what, and the degree fields of {@code GET /api/v1/me/transcript}.
 */
@BaeumIntegrationTest
class DegreesTest {

    @Autowired
    Degrees degrees;
    @Autowired
    DegreeRules rules;
    @Autowired
    AccessLog accessLog;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;
    @Autowired
    ApiTokens tokens;
    @LocalServerPort
    int port;

    static BaeumUser admin;
    static BaeumUser staff;
    static BaeumUser teacher;
    static List<BaeumUser> citizens;
    /** The hours each of the first three citizens completed. */
    static double hours;

    @BeforeAll
    static void completedClass(@Autowired TestAccounts accounts, @Autowired CatalogService catalog,
                               @Autowired MutableClock clock, @Autowired AttendanceClasses fixture,
                               @Autowired CompletionRules completionRules, @Autowired Attendance attendance,
                               @Autowired Completions completions) {
        fixture.withDemoCatalog();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        admin = accounts.create("deg-admin-" + suffix, Role.ADMIN);
        staff = accounts.create("deg-staff-" + suffix, Role.STAFF);
        teacher = accounts.create("deg-teacher-" + suffix, Role.INSTRUCTOR);
        citizens = accounts.citizens("deg-" + suffix + "-", "학위생", 4, LocalDate.of(1950, 3, 3));
        CompletedClass c = CompletedClass.of(teacher, staff, citizens, fixture, catalog, clock, completionRules,
                attendance, completions);
        hours = c.confirmed().stream().filter(x -> x.completed()).findFirst().orElseThrow().hours();
        assertThat(hours).as("the class gives at least 2 hours").isGreaterThanOrEqualTo(2);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void an_award_keeps_the_version_it_was_made_under_when_a_new_version_is_saved() {
        BaeumUser c0 = citizens.get(0);
        int whole = (int) Math.floor(hours);
        DegreeRuleSet tooHigh = DegreeRulesFixture.save(rules, admin, today(), whole + 1, 200, 300);
        TestAccounts.signIn(staff);
        assertThat(refusal(() -> degrees.award(participant(c0), DegreeLevel.BACHELOR)))
                .isEqualTo(FieldProblem.of("level", "degree.error.hours", Degrees.hours(whole + 1 - hours)));
        assertThat(database.getCollection("degree_awards").countDocuments(eq("participantId", c0.accountId())))
                .isZero();

        DegreeRuleSet reachable = DegreeRulesFixture.save(rules, admin, today(), whole, 200, 300);
        assertThat(reachable.version()).isEqualTo(tooHigh.version() + 1);
        TestAccounts.signIn(staff);
        DegreeAward award = degrees.award(participant(c0), DegreeLevel.BACHELOR);
        assertThat(award.ruleVersion()).isEqualTo(reachable.version());

        DegreeRuleSet later = DegreeRulesFixture.save(rules, admin, today(), 100, 200, 300);
        TestAccounts.signIn(c0);
        DegreeProgress mine = degrees.mine().getFirst();
        assertThat(mine.ruleVersion()).isEqualTo(later.version());
        assertThat(mine.awards()).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(DegreeLevel.BACHELOR);
            assertThat(a.ruleVersion()).isEqualTo(reachable.version());
        });
        assertThat(mine.nextLevel()).isEqualTo(DegreeLevel.MASTER);
        assertThat(mine.hoursNeeded()).isEqualTo(300 - hours);
        TestAccounts.signIn(admin);
        assertThat(rules.history()).filteredOn(r -> r.version() == reachable.version()).singleElement()
                .satisfies(r -> assertThat(r.of(DegreeLevel.BACHELOR).hours()).isEqualTo(whole));
        assertThat(accessLog.recordedFor(c0.accountId(), 0, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AccessAction.AWARD_DEGREE);
            assertThat(e.actorAccountId()).isEqualTo(staff.accountId());
        });
        assertThat(database.getCollection(OutboxRepository.COLLECTION)
                .countDocuments(eq("key", "degree:" + c0.accountId() + ":BACHELOR"))).isEqualTo(1);
    }

    @Test
    void a_master_needs_its_output_approved_and_each_level_is_awarded_once_in_order() {
        BaeumUser c1 = citizens.get(1);
        DegreeRulesFixture.save(rules, admin, today(), 1, (int) Math.floor(hours) - 1, 1000);
        TestAccounts.signIn(staff);
        assertThat(refusal(() -> degrees.award(participant(c1), DegreeLevel.MASTER)))
                .isEqualTo(FieldProblem.of("level", "degree.error.notNext"));
        degrees.award(participant(c1), DegreeLevel.BACHELOR);
        assertThat(refusal(() -> degrees.award(participant(c1), DegreeLevel.BACHELOR)))
                .isEqualTo(FieldProblem.of("level", "degree.error.alreadyAwarded"));
        assertThat(refusal(() -> degrees.award(participant(c1), DegreeLevel.MASTER)))
                .isEqualTo(FieldProblem.of("level", "degree.error.output"));
        assertThat(refusal(() -> degrees.approveOutput(participant(c1), DegreeLevel.MASTER, "  ")))
                .isEqualTo(FieldProblem.of("description", "validation.required"));
        assertThat(refusal(() -> degrees.approveOutput(participant(c1), DegreeLevel.BACHELOR, "수필집")))
                .isEqualTo(FieldProblem.of("level", "degree.error.noOutputNeeded"));
        assertThat(database.getCollection("degree_outputs").countDocuments(eq("participantId", c1.accountId())))
                .isZero();

        degrees.approveOutput(participant(c1), DegreeLevel.MASTER, "마을 기록집 공동 집필");
        assertThat(refusal(() -> degrees.approveOutput(participant(c1), DegreeLevel.MASTER, "다른 산출물")))
                .isEqualTo(FieldProblem.of("level", "degree.error.outputApproved"));
        assertThat(degrees.award(participant(c1), DegreeLevel.MASTER).level()).isEqualTo(DegreeLevel.MASTER);
        assertThat(refusal(() -> degrees.award(participant(c1), DegreeLevel.DOCTOR))).extracting(FieldProblem::messageKey)
                .isEqualTo("degree.error.hours");

        List<DegreeProgress> desk = degrees.progressOf(new AccountId(c1.accountId()));
        assertThat(desk).singleElement().satisfies(p -> {
            assertThat(p.awards()).extracting(DegreeAward::level)
                    .containsExactly(DegreeLevel.BACHELOR, DegreeLevel.MASTER);
            assertThat(p.outputs()).singleElement().extracting(ApprovedOutput::description)
                    .isEqualTo("마을 기록집 공동 집필");
            assertThat(p.nextLevel()).isEqualTo(DegreeLevel.DOCTOR);
        });
        TestAccounts.signIn(admin);
        assertThat(accessLog.recordedFor(c1.accountId(), 0, 50)).extracting(e -> e.action())
                .contains(AccessAction.APPROVE_DEGREE_OUTPUT, AccessAction.AWARD_DEGREE, AccessAction.VIEW_HOUSEHOLD);
    }

    @Test
    void only_admin_changes_or_reads_the_rules() {
        TestAccounts.signIn(admin);
        int versions = rules.history().size();
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> rules.save(1, new DegreeRuleDraft(today(), DegreeRuleSet.SEOUL, 0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rules.history()).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(admin);
        assertThat(rules.history()).hasSize(versions);
        // the seeded first version is Seoul's current rule: 100; 200 more and an output; 300 more and an output
        assertThat(rules.history().getLast()).satisfies(first -> {
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.levels()).isEqualTo(DegreeRuleSet.SEOUL);
            assertThat(first.minAttendancePercent()).isZero();
        });
    }

    @Test
    void citizens_and_instructors_cannot_approve_or_award_and_a_citizen_sees_only_their_household() {
        BaeumUser c3 = citizens.get(3);
        // checked before the input: without the role check these would answer with the input's problem instead
        for (BaeumUser who : List.of(c3, teacher)) {
            TestAccounts.signIn(who);
            assertThatThrownBy(() -> degrees.award(participant(c3), null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> degrees.approveOutput(participant(c3), DegreeLevel.MASTER, ""))
                    .isInstanceOf(AccessDeniedException.class);
        }
        TestAccounts.signIn(c3);
        assertThatThrownBy(() -> degrees.progressOf(new AccountId(citizens.get(0).accountId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(degrees.mine()).extracting(p -> p.participant().value()).containsExactly(c3.accountId());
        assertThat(degrees.mine().getFirst().hours()).isZero();
        TestAccounts.signIn(staff);
        assertThat(database.getCollection("degree_awards").countDocuments(eq("participantId", c3.accountId())))
                .isZero();
    }

    @Test
    void the_transcript_api_answers_the_households_degrees_and_progress_besides_its_items() throws Exception {
        BaeumUser c2 = citizens.get(2);
        DegreeRuleSet rule = DegreeRulesFixture.save(rules, admin, today(), 1, 500, 1000);
        TestAccounts.signIn(staff);
        degrees.award(participant(c2), DegreeLevel.BACHELOR);
        TestAccounts.signOut();

        HttpResponse<String> ok = get(c2);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(ok.body());
        assertThat(body.get("items").size()).isEqualTo(1);
        assertThat(body.get("totalHours").asDouble()).isEqualTo(hours);
        JsonNode degree = body.get("degrees").get(0);
        assertThat(body.get("degrees").size()).isEqualTo(1);
        assertThat(degree.get("level").asString()).isEqualTo("BACHELOR");
        assertThat(degree.get("awardedOn").asString()).isEqualTo(today().toString());
        assertThat(degree.get("ruleVersion").asInt()).isEqualTo(rule.version());
        JsonNode progress = body.get("degreeProgress");
        assertThat(progress.get("hours").asDouble()).isEqualTo(hours);
        assertThat(progress.get("nextLevel").asString()).isEqualTo("MASTER");
        assertThat(progress.get("hoursNeeded").asDouble()).isEqualTo(501 - hours);

        JsonNode other = new ObjectMapper().readTree(get(citizens.get(3)).body());
        assertThat(other.get("degrees").size()).isZero();
        assertThat(other.get("degreeProgress").get("hours").asDouble()).isZero();
        assertThat(get(staff).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(BaeumUser who) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/transcript"))
                .header("Authorization", "Bearer " + tokens.issue(who).token()).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static ParticipantId participant(BaeumUser citizen) {
        return new ParticipantId(citizen.accountId());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    private static FieldProblem refusal(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().getFirst();
        }
        throw new AssertionError("expected a refusal");
    }
}
