package org.baeum.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
import org.baeum.account.DependantDraft;
import org.baeum.account.EligibilityService;
import org.baeum.account.HouseholdService;
import org.baeum.account.ParticipantId;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.ApplicationRefusedException.Reason;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.ApplicationRepository;
import org.baeum.recruitment.internal.DrawInputs;
import org.baeum.recruitment.internal.RoundRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Eligibility for the reserved share, decided when an application is made: every participant it covers holds a
 * verified reduction of a named category valid on the lottery's last day, or the household lives in a named district.
 * The RESERVED phase takes eligible applicants only; the lottery takes anyone and still flags the eligible. The draw
 * reads the stored flags, and the seats the catalog has left.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(PausedDrawJob.class)
class ReservedEntryTest {

    @LocalServerPort
    int port;
    @Autowired
    Applications applications;
    @Autowired
    RoundService rounds;
    @Autowired
    RoundRepository roundDocuments;
    @Autowired
    DrawInputs inputs;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    static EnrollmentFixture offerings;
    static BaeumUser staff;
    static BaeumUser plain;
    static BaeumUser holder;
    static BaeumUser parent;
    static BaeumUser expiring;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock,
                     @Autowired EligibilityService eligibility, @Autowired HouseholdService households) {
        DemoCatalogFixture.load(contributors);
        offerings = new EnrollmentFixture(catalog, clock);
        staff = accounts.create("reserved-staff", Role.STAFF);
        plain = accounts.citizen("reserved.plain@test.baeum", "가일반", LocalDate.of(1980, 1, 1));
        holder = accounts.citizen("reserved.holder@test.baeum", "나감면", LocalDate.of(1981, 1, 1));
        parent = accounts.citizen("reserved.parent@test.baeum", "다부모", LocalDate.of(1979, 1, 1));
        expiring = accounts.citizen("reserved.expiring@test.baeum", "라만료", LocalDate.of(1982, 1, 1));
        as(parent, () -> households.addDependant(new DependantDraft("다아이", LocalDate.of(2015, 5, 5), Relation.CHILD)));
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Seoul")));
        approve(eligibility, holder, today.plusDays(30));
        approve(eligibility, parent, today.plusDays(30));
        approve(eligibility, expiring, today); // ends before the lottery's last day
    }

    private static void approve(EligibilityService eligibility, BaeumUser citizen, LocalDate until) {
        String claim = as(citizen, () -> eligibility.declare(new ParticipantId(citizen.accountId()), "DISABLED", "복지카드")).id();
        as(staff, () -> eligibility.approve(claim, until, null));
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void the_reserved_phase_takes_only_eligible_applicants_and_the_lottery_takes_anyone_flagging_the_eligible()
            throws Exception {
        OfferingId offering = offerings.offering(10, 0);
        Round round = create("RSV-PHASE", List.of(offering), true, new ReservedShare(20, List.of("DISABLED"), List.of()));
        assertThat(round.status()).as("applications open with the reserved phase").isEqualTo(org.baeum.recruitment.RoundStatus.OPEN);
        assertThat(round.takesApplicationsAt(clock.instant())).isTrue();
        assertThat(round.applicationsOpen()).isEqualTo(round.phase(RoundPhaseKind.RESERVED).orElseThrow().opensAt());

        refused(plain, round, offering, false);
        refused(expiring, round, offering, false);
        refused(parent, round, offering, true); // the child holds no reduction
        assertThat(database.getCollection(ApplicationRepository.COLLECTION)
                .countDocuments(Filters.eq("roundId", round.id().value()))).as("nothing stored").isZero();
        assertThat(roundDocuments.find(round.id().value()).orElseThrow().lastNumber()).as("no number taken").isZero();
        HttpResponse<String> ko = applyOverApi(plain, round, offering, "ko");
        assertThat(ko.statusCode()).isEqualTo(409);
        JsonNode body = new ObjectMapper().readTree(ko.body());
        assertThat(body.get("code").asString()).isEqualTo("not_reserved_eligible");
        assertThat(body.get("error").asString()).startsWith("지금은 우선 배정 신청 기간입니다.");
        assertThat(new ObjectMapper().readTree(applyOverApi(plain, round, offering, "en").body()).get("error").asString())
                .startsWith("Only applicants eligible for the reserved seats apply now");

        Application parentAlone = apply(parent, round, offering, false);
        Application holderApp = apply(holder, round, offering, false);
        assertThat(parentAlone.reserved()).isTrue();
        assertThat(holderApp.reserved()).isTrue();

        clock.advance(Duration.ofHours(2)); // the lottery is open: anyone applies
        Application plainApp = apply(plain, round, offering, false);
        Application expiringApp = apply(expiring, round, offering, false);
        assertThat(plainApp.reserved()).isFalse();
        assertThat(expiringApp.reserved()).isFalse();
        assertThat(as(plain, applications::mine)).filteredOn(a -> a.round().equals(round.id()))
                .singleElement().satisfies(a -> {
            assertThat(a.reserved()).isFalse();
            assertThat(a.weight()).isEqualTo(1);
        });

        // what the draw will read (the record published at the close)
        DrawRecord unsealed = inputs.unsealed(roundDocuments.find(round.id().value()).orElseThrow());
        assertThat(unsealed.applications()).extracting(DrawRecord.Application::number, DrawRecord.Application::reserved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(parentAlone.number(), true),
                        org.assertj.core.groups.Tuple.tuple(holderApp.number(), true),
                        org.assertj.core.groups.Tuple.tuple(plainApp.number(), false),
                        org.assertj.core.groups.Tuple.tuple(expiringApp.number(), false));
    }

    @Test
    void a_household_in_a_named_district_is_eligible_and_one_elsewhere_needs_a_category_for_everyone() {
        OfferingId offering = offerings.offering(10, 0);
        Round mapo = create("RSV-MAPO", List.of(offering), false, new ReservedShare(30, List.of(), List.of("MAPO")));
        assertThat(apply(plain, mapo, offering, false).reserved()).as("test citizens live in Mapo").isTrue();
        assertThat(apply(parent, mapo, offering, true).reserved()).as("the whole household lives there").isTrue();

        Round gangnam = create("RSV-GANGNAM", List.of(offering), false,
                new ReservedShare(30, List.of("DISABLED"), List.of("GANGNAM")));
        assertThat(apply(plain, gangnam, offering, false).reserved()).isFalse();
        assertThat(apply(holder, gangnam, offering, false).reserved()).isTrue();
        assertThat(apply(parent, gangnam, offering, true).reserved()).as("the child holds no reduction").isFalse();

        Round none = create("RSV-NONE", List.of(offering), false, ReservedShare.NONE);
        assertThat(apply(holder, none, offering, false).reserved()).as("no reserved share").isFalse();
    }

    @Test
    void the_draw_gets_the_seats_left_after_seats_were_taken_and_its_reserved_share_of_them() {
        OfferingId offering = offerings.offering(4, 0);
        as(plain, () -> enrollments.enroll(offering, null, UUID.randomUUID().toString())); // first come, before the round
        Round round = create("RSV-SEATS", List.of(offering), false, new ReservedShare(50, List.of(), List.of("MAPO")));

        DrawRecord.Offering expected = new DrawRecord.Offering(offering.value(), 3, 1);
        var doc = roundDocuments.find(round.id().value()).orElseThrow();
        assertThat(inputs.unsealed(doc).offerings()).containsExactly(expected);
        assertThat(inputs.input(doc, new byte[32]).offerings()).containsExactly(expected);
    }

    /**
     * A round whose RESERVED phase (when asked) or else its lottery is open now; the lottery closes in two days, so its
     * last day is after today wherever the clock stands.
     */
    private Round create(String prefix, List<OfferingId> offerings, boolean reservedPhase, ReservedShare share) {
        Instant t = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        RoundPhase lottery = new RoundPhase(RoundPhaseKind.LOTTERY, reservedPhase ? t.plus(Duration.ofHours(1))
                : t.minus(Duration.ofHours(1)), t.plus(Duration.ofHours(49)));
        List<RoundPhase> phases = reservedPhase
                ? List.of(new RoundPhase(RoundPhaseKind.RESERVED, t.minus(Duration.ofHours(1)), t.plus(Duration.ofHours(1))), lottery)
                : List.of(lottery);
        RoundDraft draft = new RoundDraft(prefix + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(),
                "우선 배정 회차", "Reserved round", offerings, phases, t.plus(Duration.ofDays(3)), false, share);
        return as(staff, () -> rounds.create(draft));
    }

    private Application apply(BaeumUser who, Round round, OfferingId offering, boolean household) {
        return as(who, () -> applications.apply(round.id(), null, List.of(offering), household));
    }

    private void refused(BaeumUser who, Round round, OfferingId offering, boolean household) {
        assertThatThrownBy(() -> apply(who, round, offering, household))
                .isInstanceOfSatisfying(ApplicationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_RESERVED_ELIGIBLE));
        assertThat(as(who, applications::mine)).filteredOn(a -> a.round().equals(round.id())).isEmpty();
    }

    private HttpResponse<String> applyOverApi(BaeumUser who, Round round, OfferingId offering, String language)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/rounds/"
                        + round.id().value() + "/applications"))
                .header("Accept-Language", language).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.issue(who).token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"choices\": [\"" + offering.value() + "\"]}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
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
