package org.baeum.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.RecruitmentPhase;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.recruitment.internal.RoundRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A round's previous round and re-registration links (checked at their fields, stored, read back, also from a
 * document written before they existed), and the catalog side of a new round: its offerings recruit by the round's
 * phases, so nobody takes a seat first come during its lottery.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(PausedDrawJob.class)
class RoundLinksTest {

    @Autowired
    RoundService rounds;
    @Autowired
    CatalogService catalog;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;
    @Autowired
    ApiTokens tokens;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    static EnrollmentFixture offerings;
    static BaeumUser staff;
    static BaeumUser citizen;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        DemoCatalogFixture.load(contributors);
        offerings = new EnrollmentFixture(catalog, clock);
        staff = accounts.create("links-staff", Role.STAFF);
        citizen = accounts.citizen("links.citizen@test.baeum", "가연결", LocalDate.of(1984, 4, 4));
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void the_previous_round_and_the_continuations_are_checked_at_their_fields_and_nothing_is_stored() {
        OfferingId a = offerings.offering(5, 0);
        OfferingId b = offerings.offering(5, 0);
        OfferingId lastTerm = offerings.offering(5, 0);
        Round earlier = as(staff, () -> rounds.create(draft("LINK-EARLIER", List.of(a), phases(false), false, null, List.of())));

        assertProblems(draft("LINK-NOPREV", List.of(a), phases(false), true, null, List.of()),
                "previousRound", "round.validation.previousRoundRequired");
        assertProblems(draft("LINK-UNKNOWN", List.of(a), phases(false), true, new RoundId("NO-SUCH-ROUND"), List.of()),
                "previousRound", "round.validation.previousRound");
        assertProblems(draft("LINK-SELF", List.of(a), phases(false), false, new RoundId("LINK-SELF"), List.of()),
                "previousRound", "round.validation.previousRound");
        assertProblems(draft("LINK-OUTSIDE", List.of(a), phases(false), false, null, List.of(new Continuation(b, lastTerm))),
                "continuations", "round.validation.continuation");
        assertProblems(draft("LINK-TWICE", List.of(a, b), phases(false), false, null,
                List.of(new Continuation(a, lastTerm), new Continuation(a, lastTerm))), "continuations", "round.validation.continuation");
        assertProblems(draft("LINK-INROUND", List.of(a, b), phases(false), false, null, List.of(new Continuation(a, b))),
                "continuations", "round.validation.continuationPrevious");
        assertProblems(draft("LINK-NOPREVOFF", List.of(a), phases(false), false, null,
                List.of(new Continuation(a, new OfferingId("off-none")))), "continuations", "round.validation.continuationPrevious");
        assertProblems(draft("LINK-REREG", List.of(a), phases(true), false, null, List.of()),
                "continuations", "round.validation.continuationsRequired");

        Round made = as(staff, () -> rounds.create(draft("LINK-GOOD", List.of(a, b), phases(true), true, earlier.id(),
                List.of(new Continuation(a, lastTerm)))));
        Round read = rounds.round(made.id()).orElseThrow();
        assertThat(read.previousRound()).isEqualTo(earlier.id());
        assertThat(read.continuations()).containsExactly(new Continuation(a, lastTerm));
        assertThat(read.previousOf(a)).contains(lastTerm);
        assertThat(read.previousOf(b)).isEmpty();
        assertThat(read.phase(RoundPhaseKind.RE_REGISTRATION)).isPresent();
        assertThat(read.phase(RoundPhaseKind.RESERVED)).isEmpty();
        assertThat(read.phase(RoundPhaseKind.LOTTERY)).contains(read.lottery());
    }

    @Test
    void the_api_takes_and_shows_the_previous_round_and_the_continuations_and_answers_a_bad_link_at_its_field()
            throws Exception {
        OfferingId a = offerings.offering(5, 0);
        OfferingId lastTerm = offerings.offering(5, 0);
        Round earlier = as(staff, () -> rounds.create(draft("LINK-API-PREV", List.of(a), phases(false), false, null, List.of())));
        Instant t = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"id":"%s","titleKo":"재등록 회차","titleEn":"Re-registration round","offerings":["%s"],
                 "phases":[{"kind":"RE_REGISTRATION","opensAt":"%s","closesAt":"%s"},
                           {"kind":"LOTTERY","opensAt":"%s","closesAt":"%s"}],
                 "confirmationDeadline":"%s","secondEntryForPreviousLosers":true,"previousRound":"%s",
                 "continuations":[{"offering":"%s","previous":"%s"}]}""";
        String good = body.formatted("LINK-API-GOOD", a.value(), t, t.plusSeconds(3600), t.plusSeconds(3600),
                t.plusSeconds(7200), t.plusSeconds(9000), earlier.id().value(), a.value(), lastTerm.value());
        HttpResponse<String> created = post(good, "ko");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode round = new ObjectMapper().readTree(created.body());
        assertThat(round.get("previousRound").asString()).isEqualTo(earlier.id().value());
        assertThat(round.get("continuations").get(0).get("offering").asString()).isEqualTo(a.value());
        assertThat(round.get("continuations").get(0).get("previous").asString()).isEqualTo(lastTerm.value());

        String bad = body.formatted("LINK-API-BAD", a.value(), t, t.plusSeconds(3600), t.plusSeconds(3600),
                t.plusSeconds(7200), t.plusSeconds(9000), earlier.id().value(), a.value(), a.value());
        HttpResponse<String> refused = post(bad, "en");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(refused.body()).get("fields").get("continuations").asString())
                .isEqualTo("Re-registration links: the previous class " + a.value() + " was not found or is in this round.");
        assertThat(rounds.round(new RoundId("LINK-API-BAD"))).isEmpty();
    }

    private HttpResponse<String> post(String json, String language) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/rounds"))
                .header("Accept-Language", language).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.issue(staff).token())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_round_document_written_before_the_links_existed_still_reads_with_none() {
        Instant t = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Document phase = new Document("kind", "LOTTERY").append("opensAt", java.util.Date.from(t))
                .append("closesAt", java.util.Date.from(t.plus(Duration.ofDays(1))));
        database.getCollection(RoundRepository.COLLECTION).insertOne(new Document("_id", "LINK-OLD")
                .append("titleKo", "옛 회차").append("titleEn", "Old round").append("offeringIds", List.of("off-x"))
                .append("phases", List.of(phase)).append("confirmationDeadline", java.util.Date.from(t.plus(Duration.ofDays(2))))
                .append("secondEntryForPreviousLosers", false).append("seed", "00".repeat(32)).append("commitment", "c")
                .append("committedAt", java.util.Date.from(t)).append("lastNumber", 0L).append("createdAt", java.util.Date.from(t))
                .append("createdBy", "old"));

        Round old = rounds.round(new RoundId("LINK-OLD")).orElseThrow();
        assertThat(old.previousRound()).isNull();
        assertThat(old.continuations()).isEmpty();
        assertThat(old.previousOf(new OfferingId("off-x"))).isEmpty();
    }

    @Test
    void a_new_rounds_offerings_recruit_by_its_phases_and_first_come_is_refused_during_its_lottery() {
        OfferingId offering = offerings.offering(5, 0);
        assertThat(catalog.offering(offering).orElseThrow().recruitment().phases())
                .extracting(RecruitmentPhase::method).containsExactly(RecruitmentMethod.FIRST_COME);

        List<RoundPhase> phases = phases(true);
        OfferingId lastTerm = offerings.offering(5, 0);
        as(staff, () -> rounds.create(draft("LINK-CATALOG", List.of(offering), phases, false, null,
                List.of(new Continuation(offering, lastTerm)))));

        assertThat(catalog.offering(offering).orElseThrow().recruitment().phases()).containsExactlyElementsOf(phases.stream()
                .map(p -> new RecruitmentPhase(p.opensAt(), p.closesAt(), RecruitmentMethod.valueOf(p.kind().name())))
                .toList());
        clock.advance(Duration.ofHours(2)); // inside the round's lottery
        assertThatThrownBy(() -> as(citizen, () -> enrollments.enroll(offering, null, UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(EnrollmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnrollmentRefusedException.Reason.LOTTERY_PHASE));
        clock.advance(Duration.ofDays(3)); // inside the round's first-come phase
        assertThat(as(citizen, () -> enrollments.enroll(offering, null, UUID.randomUUID().toString()))).isNotNull();
    }

    @Test
    void only_staff_put_a_round_s_phases_on_an_offering() {
        OfferingId offering = offerings.offering(5, 0);
        org.baeum.catalog.Recruitment lottery = new org.baeum.catalog.Recruitment(clock.instant(),
                clock.instant().plus(Duration.ofDays(1)), RecruitmentMethod.LOTTERY);
        assertThatThrownBy(() -> as(citizen, () -> {
            catalog.recruitThroughRound(offering, lottery);
            return null;
        })).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(catalog.offering(offering).orElseThrow().recruitment().phases())
                .extracting(RecruitmentPhase::method).containsExactly(RecruitmentMethod.FIRST_COME);
    }

    /** RE_REGISTRATION (when asked) in the first hour, the lottery for a day from then, first come two days later. */
    private List<RoundPhase> phases(boolean reRegistration) {
        Instant t = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        RoundPhase lottery = new RoundPhase(RoundPhaseKind.LOTTERY, t.plus(Duration.ofHours(1)), t.plus(Duration.ofHours(25)));
        RoundPhase firstCome = new RoundPhase(RoundPhaseKind.FIRST_COME, t.plus(Duration.ofDays(3)), t.plus(Duration.ofDays(4)));
        return reRegistration
                ? List.of(new RoundPhase(RoundPhaseKind.RE_REGISTRATION, t, t.plus(Duration.ofHours(1))), lottery, firstCome)
                : List.of(lottery, firstCome);
    }

    private static RoundDraft draft(String id, List<OfferingId> offerings, List<RoundPhase> phases, boolean secondEntry,
                                    RoundId previous, List<Continuation> continuations) {
        String unique = id + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        return new RoundDraft(id.equals("LINK-SELF") ? id : unique, "연결 회차", "Linked round", offerings, phases,
                phases.get(phases.size() - 1).closesAt(), secondEntry, ReservedShare.NONE, previous, continuations);
    }

    private void assertProblems(RoundDraft draft, String field, String key) {
        long before = database.getCollection(RoundRepository.COLLECTION).countDocuments();
        assertThatThrownBy(() -> as(staff, () -> rounds.create(draft)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(field, key)));
        assertThat(database.getCollection(RoundRepository.COLLECTION).countDocuments()).isEqualTo(before);
    }

    private static <T> T as(BaeumUser user, Supplier<T> work) {
        TestAccounts.signIn(user);
        try {
            return work.get();
        } finally {
            TestAccounts.signOut();
        }
    }
}
