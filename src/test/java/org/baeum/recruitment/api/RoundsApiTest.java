package org.baeum.recruitment.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.DependantDraft;
import org.baeum.account.HouseholdService;
import org.baeum.account.ParticipantId;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Rounds and lottery applications over the API: the contract, the seed and commitment, and every refusal. */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.recruitment.PausedDrawJob.class)
class RoundsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MongoDatabase database;
    @Autowired
    HouseholdService households;
    @Autowired
    TestAccounts testAccounts;

    static RoundFixture rounds;
    static List<OfferingId> offerings;
    static OfferingId outside;
    static BaeumUser staff;
    static BaeumUser a;
    static BaeumUser b;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock, @Autowired RoundService service) {
        DemoCatalogFixture.load(contributors);
        EnrollmentFixture fixture = new EnrollmentFixture(catalog, clock);
        offerings = List.of(fixture.offering(10, 0), fixture.offering(10, 0), fixture.offering(10, 0));
        outside = fixture.offering(10, 0);
        staff = accounts.create("rounds-staff", Role.STAFF);
        a = accounts.citizen("rounds.a@test.baeum", "가시민", LocalDate.of(1980, 1, 1));
        b = accounts.citizen("rounds.b@test.baeum", "나시민", LocalDate.of(1982, 2, 2));
        rounds = new RoundFixture(service, clock, staff);
    }


    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void a_round_with_overlapping_backwards_phases_or_an_unknown_offering_is_400_at_the_field_and_nothing_is_stored()
            throws Exception {
        Instant t = clock.instant().plus(Duration.ofDays(1));
        String bad = roundJson("BAD-PHASES", List.of(offerings.get(0).value(), "no-such-offering"),
                phase("LOTTERY", t, t.minusSeconds(60)) + "," + phase("FIRST_COME", t.minusSeconds(3600), t.plusSeconds(7200)),
                t.plusSeconds(86_400));
        HttpResponse<String> refused = send("POST", "/api/v1/rounds", staff, bad);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode fields = json.readTree(refused.body()).get("fields");
        assertThat(fields.get("phase.0.closes").asString()).isEqualTo("마감은 시작보다 뒤여야 합니다.");
        assertThat(fields.get("phase.1.opens").asString()).contains("겹칩니다");
        assertThat(fields.get("offerings").asString()).contains("no-such-offering");
        assertThat(database.getCollection("rounds").countDocuments(Filters.eq("_id", "BAD-PHASES"))).isZero();
        assertThat(send("GET", "/api/v1/rounds/BAD-PHASES", null, null).statusCode()).isEqualTo(404);

        String noLottery = roundJson("NO-LOTTERY", List.of(offerings.get(0).value()), phase("FIRST_COME", t, t.plusSeconds(60)),
                t.plusSeconds(120));
        JsonNode english = json.readTree(send("POST", "/api/v1/rounds", staff, noLottery, "en").body());
        assertThat(english.get("fields").get("phases").asString()).isEqualTo("A round needs exactly one lottery phase.");
        assertThat(database.getCollection("rounds").countDocuments(Filters.eq("_id", "NO-LOTTERY"))).isZero();

        String good = roundJson("2027Q1-SWIM", offerings.stream().map(OfferingId::value).toList(),
                phase("LOTTERY", t, t.plusSeconds(3600)) + "," + phase("FIRST_COME", t.plusSeconds(3600), t.plusSeconds(7200)),
                t.plusSeconds(5000));
        HttpResponse<String> created = send("POST", "/api/v1/rounds", staff, good);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("status").asString()).isEqualTo("UPCOMING");
        HttpResponse<String> again = send("POST", "/api/v1/rounds", staff, good);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json.readTree(again.body()).get("fields").get("id").asString()).contains("2027Q1-SWIM");
        assertThat(send("POST", "/api/v1/rounds", a, good).statusCode()).isEqualTo(403);
    }

    @Test
    void the_seed_is_never_shown_and_the_commitment_shows_once_the_lottery_opens() throws Exception {
        Round round = rounds.upcoming("SEED", offerings);
        String seed = database.getCollection("rounds").find(Filters.eq("_id", round.id().value())).first().getString("seed");
        assertThat(seed).hasSize(64);

        HttpResponse<String> before = send("GET", "/api/v1/rounds/" + round.id().value(), null, null);
        assertThat(before.statusCode()).isEqualTo(200);
        JsonNode early = json.readTree(before.body());
        assertThat(early.get("commitment").isNull()).isTrue();
        assertThat(early.get("status").asString()).isEqualTo("UPCOMING");
        assertThat(early.has("seed")).isFalse();
        assertThat(before.body()).doesNotContain(seed);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        HttpResponse<String> list = send("GET", "/api/v1/rounds", null, null);
        assertThat(list.body()).doesNotContain(seed).doesNotContain("\"seed\"");
        JsonNode open = json.readTree(send("GET", "/api/v1/rounds/" + round.id().value(), null, null).body());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(seed)));
        assertThat(open.get("commitment").asString()).isEqualTo(expected);
        assertThat(open.get("committedAt").isNull()).isFalse();
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void apply_list_and_withdraw_own_applications_only() throws Exception {
        Round round = rounds.open("APPLY", offerings);
        String id = round.id().value();
        HttpResponse<String> applied = apply(id, a, null, List.of(offerings.get(1), offerings.get(0)), false);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        JsonNode decision = json.readTree(applied.body());
        String number = decision.get("number").asString();
        assertThat(number).isEqualTo(id + "-000001");
        assertThat(decision.get("status").asString()).isEqualTo("SUBMITTED");

        JsonNode mine = json.readTree(send("GET", "/api/v1/me/applications", a, null).body());
        assertThat(mine.get(0).get("number").asString()).isEqualTo(number);
        assertThat(mine.get(0).get("choices").get(0).asString()).isEqualTo(offerings.get(1).value());
        assertThat(send("GET", "/api/v1/me/applications", b, null).body()).doesNotContain(number);

        HttpResponse<String> other = send("DELETE", "/api/v1/applications/" + number, b, null);
        assertThat(other.statusCode()).isEqualTo(403);
        HttpResponse<String> withdrawn = send("DELETE", "/api/v1/applications/" + number, a, null);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(json.readTree(withdrawn.body()).get("status").asString()).isEqualTo("WITHDRAWN");
        HttpResponse<String> twice = send("DELETE", "/api/v1/applications/" + number, a, null);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json.readTree(twice.body()).get("code").asString()).isEqualTo("withdrawn");

        HttpResponse<String> reapplied = apply(id, a, null, List.of(offerings.get(0)), false);
        assertThat(json.readTree(reapplied.body()).get("number").asString()).isEqualTo(id + "-000002");
    }

    @Test
    void applying_before_the_open_or_after_the_close_is_409_round_closed_and_stores_nothing() throws Exception {
        Round upcoming = rounds.upcoming("EARLY", offerings);
        HttpResponse<String> early = apply(upcoming.id().value(), a, null, List.of(offerings.get(0)), false);
        assertThat(early.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(early.body());
        assertThat(body.get("code").asString()).isEqualTo("round_closed");
        assertThat(body.get("reason").asString()).isEqualTo("ROUND_CLOSED");
        assertThat(body.get("error").asString()).isEqualTo("지금은 추첨 신청 기간이 아닙니다.");

        Round open = rounds.open("LATE", offerings);
        String kept = json.readTree(apply(open.id().value(), a, null, List.of(offerings.get(0)), false).body())
                .get("number").asString();
        clock.advance(Duration.ofDays(1)); // the lottery opened an hour ago and lasts a day
        HttpResponse<String> late = apply(open.id().value(), b, null, List.of(offerings.get(0)), false);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json.readTree(late.body()).get("code").asString()).isEqualTo("round_closed");
        HttpResponse<String> lateWithdrawal = send("DELETE", "/api/v1/applications/" + kept, a, null);
        assertThat(lateWithdrawal.statusCode()).isEqualTo(409);
        assertThat(json.readTree(lateWithdrawal.body()).get("code").asString()).isEqualTo("round_closed");

        assertThat(stored(upcoming.id().value())).isZero();
        assertThat(stored(open.id().value())).isEqualTo(1);
        assertThat(json.readTree(send("GET", "/api/v1/rounds/" + open.id().value(), null, null).body())
                .get("status").asString()).isEqualTo("DRAWING");
    }

    @Test
    void a_participant_applies_once_per_round_also_when_covered_by_a_household_application() throws Exception {
        BaeumUser parent = citizen("rounds.family@test.baeum", "다가족");
        ParticipantId child = dependant(parent, "다아이", LocalDate.of(2016, 4, 4));

        Round first = rounds.open("HOUSEHOLD", offerings);
        HttpResponse<String> together = apply(first.id().value(), parent, null, List.of(offerings.get(0)), true);
        assertThat(together.statusCode()).as(together.body()).isEqualTo(201);
        JsonNode mine = json.readTree(send("GET", "/api/v1/me/applications", parent, null).body());
        assertThat(mine.get(0).get("seats").asInt()).isEqualTo(2);
        assertThat(mine.get(0).get("household").asBoolean()).isTrue();
        HttpResponse<String> childAgain = apply(first.id().value(), parent, child, List.of(offerings.get(1)), false);
        assertThat(childAgain.statusCode()).isEqualTo(409);
        assertThat(json.readTree(childAgain.body()).get("code").asString()).isEqualTo("already_applied");
        assertThat(json.readTree(childAgain.body()).get("error").asString()).contains("이미 신청");
        assertThat(apply(first.id().value(), parent, null, List.of(offerings.get(1)), false).statusCode()).isEqualTo(409);

        Round second = rounds.open("SINGLE", offerings);
        assertThat(apply(second.id().value(), parent, child, List.of(offerings.get(0)), false).statusCode()).isEqualTo(201);
        HttpResponse<String> householdAfter = apply(second.id().value(), parent, null, List.of(offerings.get(0)), true);
        assertThat(householdAfter.statusCode()).isEqualTo(409);
        assertThat(json.readTree(householdAfter.body()).get("code").asString()).isEqualTo("already_applied");
        assertThat(stored(first.id().value())).isEqualTo(1);
        assertThat(stored(second.id().value())).isEqualTo(1);
    }

    @Test
    void another_households_dependant_is_403_and_nothing_is_stored() throws Exception {
        BaeumUser other = citizen("rounds.other@test.baeum", "라가족");
        ParticipantId theirs = dependant(other, "라아이", LocalDate.of(2017, 5, 5));
        Round round = rounds.open("FOREIGN", offerings);

        HttpResponse<String> refused = apply(round.id().value(), a, theirs, List.of(offerings.get(0)), false);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(stored(round.id().value())).isZero();
        assertThat(apply(round.id().value(), other, theirs, List.of(offerings.get(0)), false).statusCode()).isEqualTo(201);
    }

    @Test
    void four_choices_or_a_choice_outside_the_round_is_400_and_nothing_is_stored() throws Exception {
        Round round = rounds.open("CHOICES", offerings);
        HttpResponse<String> four = apply(round.id().value(), a, null,
                List.of(offerings.get(0), offerings.get(1), offerings.get(2), outside), false);
        assertThat(four.statusCode()).isEqualTo(400);
        assertThat(json.readTree(four.body()).get("fields").get("choices").asString())
                .isEqualTo("희망 강좌를 1~3개, 중복 없이 순서대로 고르세요.");
        HttpResponse<String> foreign = apply(round.id().value(), a, null, List.of(offerings.get(0), outside), false);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(json.readTree(foreign.body()).get("fields").get("choices").asString()).contains(outside.value());
        assertThat(apply(round.id().value(), a, null, List.of(), false).statusCode()).isEqualTo(400);
        assertThat(stored(round.id().value())).isZero();
    }

    @Test
    void staff_see_counts_per_offering_and_the_same_person_from_two_households_flagged() throws Exception {
        BaeumUser x = citizen("rounds.x@test.baeum", "마가족");
        BaeumUser y = citizen("rounds.y@test.baeum", "바가족");
        ParticipantId inX = dependant(x, "김 하늘", LocalDate.of(2015, 3, 3));
        ParticipantId inY = dependant(y, "김하늘 ", LocalDate.of(2015, 3, 3)); // same birth date, name spaced differently
        dependant(y, "김하늘", LocalDate.of(2015, 3, 4)); // a namesake born another day is someone else
        Round round = rounds.open("COUNTS", offerings);
        String id = round.id().value();

        String nx = number(apply(id, x, inX, List.of(offerings.get(0), offerings.get(1)), false));
        String ny = number(apply(id, y, inY, List.of(offerings.get(1)), false));
        String na = number(apply(id, a, null, List.of(offerings.get(0)), false));

        HttpResponse<String> counts = send("GET", "/api/v1/rounds/" + id + "/applications", staff, null);
        assertThat(counts.statusCode()).as(counts.body()).isEqualTo(200);
        JsonNode c = json.readTree(counts.body());
        assertThat(c.get("applications").asInt()).isEqualTo(3);
        assertThat(c.get("seats").asInt()).isEqualTo(3);
        JsonNode first = c.get("offerings").get(0);
        assertThat(first.get("offeringId").asString()).isEqualTo(offerings.get(0).value());
        assertThat(first.get("firstChoice").asInt()).isEqualTo(2);
        assertThat(first.get("anyChoice").asInt()).isEqualTo(2);
        JsonNode second = c.get("offerings").get(1);
        assertThat(second.get("firstChoice").asInt()).isEqualTo(1);
        assertThat(second.get("anyChoice").asInt()).isEqualTo(2);
        assertThat(c.get("offerings").get(2).get("anyChoice").asInt()).isZero();
        List<String> flagged = c.get("duplicatePersons").valueStream().map(f -> f.get("number").asString()).toList();
        assertThat(flagged).containsExactlyInAnyOrder(nx, ny).doesNotContain(na);
        assertThat(c.get("duplicatePersons").get(0).get("household").asString()).contains("*");
        assertThat(counts.body()).doesNotContain("하늘").doesNotContain("마가족").doesNotContain("바가족");
        assertThat(send("GET", "/api/v1/rounds/" + id + "/applications", a, null).statusCode()).isEqualTo(403);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private long stored(String roundId) {
        return database.getCollection("round_applications").countDocuments(Filters.eq("roundId", roundId));
    }

    private String number(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("number").asString();
    }

    private BaeumUser citizen(String email, String name) {
        return testAccounts.citizen(email, name, LocalDate.of(1975, 7, 7));
    }

    private ParticipantId dependant(BaeumUser parent, String name, LocalDate born) {
        TestAccounts.signIn(parent);
        try {
            return households.addDependant(new DependantDraft(name, born, Relation.CHILD)).id();
        } finally {
            TestAccounts.signOut();
        }
    }

    private HttpResponse<String> apply(String roundId, BaeumUser who, ParticipantId participant, List<OfferingId> choices,
                                       boolean household) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of(
                "participantId", participant == null ? "" : participant.value(),
                "choices", choices.stream().map(OfferingId::value).toList(),
                "household", household));
        return send("POST", "/api/v1/rounds/" + roundId + "/applications", who, body);
    }

    private static String phase(String kind, Instant opens, Instant closes) {
        return "{\"kind\":\"%s\",\"opensAt\":\"%s\",\"closesAt\":\"%s\"}".formatted(kind, opens, closes);
    }

    private static String roundJson(String id, List<String> offeringIds, String phases, Instant deadline) {
        return """
                {"id":"%s","titleKo":"2027년 1분기 수영","titleEn":"Swimming 2027 Q1","offerings":[%s],"phases":[%s],
                 "confirmationDeadline":"%s","secondEntryForPreviousLosers":false,"reservedPercent":20,
                 "reservedCategories":[],"reservedDistricts":["MAPO"]}"""
                .formatted(id, String.join(",", offeringIds.stream().map(o -> "\"" + o + "\"").toList()), phases, deadline);
    }

    private HttpResponse<String> send(String method, String path, BaeumUser who, String body) throws Exception {
        return send(method, path, who, body, "ko");
    }

    private HttpResponse<String> send(String method, String path, BaeumUser who, String body, String language)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        if (who != null) {
            builder.header("Authorization", "Bearer " + tokens.issue(who).token()); // fresh: the clock moves
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
