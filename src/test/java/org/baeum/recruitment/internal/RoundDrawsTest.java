package org.baeum.recruitment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.DependantDraft;
import org.baeum.account.HouseholdService;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.scheduling.JobRuns;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.RoundStatus;
import org.baeum.recruitment.draw.Draw;
import org.baeum.recruitment.draw.DrawOutcome;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.draw.DrawRecord.Share;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The draw as due work: once after the close, stored once, {@code drawnAt} set once, the same result after a crash
 * between the two writes. The scheduled {@link DrawJob} is paused here so that the tests decide when a run happens.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.recruitment.PausedDrawJob.class)
class RoundDrawsTest {

    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;
    @Autowired
    RoundDraws draws;
    @Autowired
    DrawRepository stored;
    @Autowired
    DrawInputs inputs;
    @Autowired
    RoundRepository roundDocuments;
    @Autowired
    Applications applications;
    @Autowired
    RoundService roundService;
    @Autowired
    HouseholdService households;
    @Autowired
    JobRuns runs;

    static RoundFixture rounds;
    static EnrollmentFixture catalog;
    static BaeumUser a;
    static BaeumUser b;
    static BaeumUser c;
    static BaeumUser family;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalogService, @Autowired MutableClock clock,
                     @Autowired RoundService service, @Autowired HouseholdService households) {
        DemoCatalogFixture.load(contributors);
        catalog = new EnrollmentFixture(catalogService, clock);
        rounds = new RoundFixture(service, clock, accounts.create("draws-staff", Role.STAFF));
        a = accounts.citizen("draws.a@test.baeum", "가추첨", LocalDate.of(1980, 1, 1));
        b = accounts.citizen("draws.b@test.baeum", "나추첨", LocalDate.of(1981, 1, 1));
        c = accounts.citizen("draws.c@test.baeum", "다추첨", LocalDate.of(1982, 1, 1));
        family = accounts.citizen("draws.family@test.baeum", "라가족", LocalDate.of(1979, 1, 1));
        as(family, () -> households.addDependant(new DependantDraft("라아이", LocalDate.of(2016, 3, 3), Relation.CHILD)));
    }


    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void the_draw_runs_once_after_the_close_and_every_later_run_keeps_it() {
        List<OfferingId> offerings = List.of(catalog.offering(1, 0), catalog.offering(1, 0));
        Round round = rounds.open("ONCE", offerings);
        String id = round.id().value();
        String first = apply(a, round, offerings, false);
        String second = apply(b, round, List.of(offerings.get(1), offerings.get(0)), false);
        String third = apply(c, round, offerings, false);
        String withdrawn = apply(family, round, List.of(offerings.get(0)), false);
        as(family, () -> applications.withdraw(withdrawn));

        clock.advance(Duration.ofDays(1)); // an hour after the close
        JobRuns.Outcome outcome = system(draws::runDue);
        assertThat(outcome.failed()).isZero();
        assertThat(outcome.done()).isGreaterThanOrEqualTo(1);
        DrawRecord record = stored.find(id).orElseThrow();
        Instant drawnAt = roundDocuments.find(id).orElseThrow().drawnAt();
        assertThat(drawnAt).isEqualTo(Instant.parse(record.drawnAt()));
        assertThat(Draw.verify(record).message()).isEqualTo("verified");
        assertThat(record.seed()).isEqualTo(roundDocuments.seedOf(id).orElseThrow());
        assertThat(record.applications()).extracting(DrawRecord.Application::number).containsExactly(first, second, third);
        assertThat(record.offerings()).containsExactly(new DrawRecord.Offering(offerings.get(0).value(), 1, 0),
                new DrawRecord.Offering(offerings.get(1).value(), 1, 0));
        assertThat(record.results()).filteredOn(DrawRecord.Result::won).hasSize(2);

        clock.advance(Duration.ofMinutes(5));
        system(draws::runDue);
        new DrawJob(draws, runs).execute(null); // the scheduled job's own path, as the system identity
        assertThat(stored.find(id)).contains(record);
        assertThat(roundDocuments.find(id).orElseThrow().drawnAt()).isEqualTo(drawnAt);
        assertThat(database.getCollection(DrawRepository.COLLECTION).countDocuments(Filters.eq("_id", id))).isEqualTo(1);

        // the rule is a pure function of the record: drawing the same input again gives the same order and results
        // (the record's seats, not the catalog's now: the placement of the winners has taken seats since)
        byte[] seed = HexFormat.of().parseHex(roundDocuments.seedOf(id).orElseThrow());
        var input = inputs.input(roundDocuments.find(id).orElseThrow(), seed);
        assertThat(input.applications()).isEqualTo(record.applications());
        DrawOutcome again = Draw.run(new org.baeum.recruitment.draw.DrawInput(id, seed, record.offerings(),
                input.applications()));
        assertThat(again.order()).isEqualTo(record.order());
        assertThat(again.results()).isEqualTo(record.results());
        assertThat(roundService.round(round.id()).orElseThrow().status()).isEqualTo(RoundStatus.DRAWN);
    }

    @Test
    void a_crash_between_storing_the_draw_and_marking_the_round_is_completed_by_the_next_run_with_the_same_result() {
        List<OfferingId> offerings = List.of(catalog.offering(2, 0));
        Round round = rounds.open("CRASH", offerings);
        String id = round.id().value();
        apply(a, round, offerings, false);
        apply(b, round, offerings, false);
        apply(c, round, offerings, false);
        clock.advance(Duration.ofDays(1));

        DrawRecord before = system(() -> draws.store(id)); // ... and the portal stops here
        assertThat(roundDocuments.find(id).orElseThrow().drawnAt()).isNull();
        assertThat(roundService.round(round.id()).orElseThrow().status()).isEqualTo(RoundStatus.DRAWING);
        assertThat(system(() -> draws.store(id))).isEqualTo(before);
        assertThat(stored.insert(before)).as("a second insert of the round's draw").isFalse();

        clock.advance(Duration.ofMinutes(3));
        system(draws::runDue);
        assertThat(stored.find(id)).contains(before);
        assertThat(roundDocuments.find(id).orElseThrow().drawnAt()).isEqualTo(Instant.parse(before.drawnAt()));
        assertThat(system(() -> draws.markDrawn(before))).as("drawnAt is set once").isFalse();
        assertThat(before.results()).filteredOn(DrawRecord.Result::won).hasSize(2);
    }

    @Test
    void a_household_wins_seats_for_every_member_or_none_in_an_offering() {
        OfferingId small = catalog.offering(1, 0);
        OfferingId large = catalog.offering(2, 0);
        Round round = rounds.open("FAMILY", List.of(small, large));
        String household = as(family, () -> applications.apply(round.id(), null, List.of(small, large), true)).number();
        String single = apply(a, round, List.of(small), false);
        clock.advance(Duration.ofDays(1));

        system(draws::runDue);
        DrawRecord record = stored.find(round.id().value()).orElseThrow();
        assertThat(record.applications()).extracting(DrawRecord.Application::number, DrawRecord.Application::seats)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(household, 2), org.assertj.core.groups.Tuple.tuple(single, 1));
        // one seat in the small offering is not enough for two: the household takes both seats of the large one
        assertThat(record.results()).containsExactly(new DrawRecord.Result(household, large.value(), Share.GENERAL),
                new DrawRecord.Result(single, small.value(), Share.GENERAL));
    }

    @Test
    void nothing_is_drawn_before_the_close_and_only_the_portal_itself_draws() {
        List<OfferingId> offerings = List.of(catalog.offering(1, 0));
        Round round = rounds.open("EARLY", offerings);
        String id = round.id().value();
        apply(a, round, offerings, false);

        system(draws::runDue);
        assertThatThrownBy(() -> system(() -> draws.store(id))).isInstanceOf(IllegalStateException.class);
        assertThat(draws.dueAt(roundDocuments.find(id).orElseThrow())) // the default baeum.recruitment.draw-settle
                .isEqualTo(round.lottery().closesAt().plus(RoundDraws.SETTLE));
        clock.advance(Duration.ofDays(1).minusHours(1).plusSeconds(30)); // closed, but within the settling minute
        system(draws::runDue);
        assertThat(stored.find(id)).isEmpty();
        assertThat(roundDocuments.find(id).orElseThrow().drawnAt()).isNull();

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> as(a, draws::runDue)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(a, () -> draws.store(id))).isInstanceOf(AccessDeniedException.class);
        assertThat(stored.find(id)).isEmpty();
        system(draws::runDue);
        assertThat(stored.find(id)).isPresent();
    }

    private String apply(BaeumUser who, Round round, List<OfferingId> choices, boolean household) {
        return as(who, () -> applications.apply(round.id(), null, choices, household)).number();
    }

    private static <T> T system(Supplier<T> work) {
        return SystemIdentity.call(work);
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
