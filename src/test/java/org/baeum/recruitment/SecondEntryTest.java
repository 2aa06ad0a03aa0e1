package org.baeum.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.baeum.account.HouseholdService;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.DrawInputs;
import org.baeum.recruitment.internal.RoundDraws;
import org.baeum.recruitment.internal.RoundRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "A second entry for those who lost in this group's previous round": an application weighs 2 when every participant
 * it covers was in an application of the previous round that lost in its stored draw, else 1 (winners, those who did
 * not apply or withdrew, a household with a member who was not there, a previous round not drawn yet, a round without
 * the option). The weight is stored with the application and is what the draw reads.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(PausedDrawJob.class)
class SecondEntryTest {

    @Autowired
    Applications applications;
    @Autowired
    RoundService rounds;
    @Autowired
    RoundDraws draws;
    @Autowired
    DrawInputs inputs;
    @Autowired
    RoundRepository roundDocuments;
    @Autowired
    HouseholdService households;
    @Autowired
    MutableClock clock;

    static EnrollmentFixture offerings;
    static BaeumUser staff;
    static BaeumUser a;
    static BaeumUser b;
    static BaeumUser withdrew;
    static BaeumUser newcomer;
    static BaeumUser family;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock,
                     @Autowired HouseholdService households) {
        DemoCatalogFixture.load(contributors);
        offerings = new EnrollmentFixture(catalog, clock);
        staff = accounts.create("second-staff", Role.STAFF);
        a = accounts.citizen("second.a@test.baeum", "가재추첨", LocalDate.of(1980, 1, 1));
        b = accounts.citizen("second.b@test.baeum", "나재추첨", LocalDate.of(1981, 1, 1));
        withdrew = accounts.citizen("second.withdrew@test.baeum", "다취소", LocalDate.of(1982, 1, 1));
        newcomer = accounts.citizen("second.new@test.baeum", "라처음", LocalDate.of(1983, 1, 1));
        family = accounts.citizen("second.family@test.baeum", "마가족", LocalDate.of(1978, 1, 1));
        as(family, () -> households.addDependant(new DependantDraft("마아이", LocalDate.of(2014, 4, 4), Relation.CHILD)));
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void those_who_all_lost_the_previous_round_weigh_two_and_everyone_else_one() {
        OfferingId one = offerings.offering(1, 0);
        Round previous = create("PREV", List.of(one), false, null);
        String aPrev = apply(a, previous, one, false).number();
        String bPrev = apply(b, previous, one, false).number();
        apply(family, previous, one, true); // two seats asked, one offered: this entry surely loses
        String gone = apply(withdrew, previous, one, false).number();
        as(withdrew, () -> applications.withdraw(gone));

        OfferingId next = offerings.offering(5, 0);
        Round early = create("EARLY", List.of(next), true, previous.id());
        assertThat(apply(family, early, next, true).weight()).as("the previous round is not drawn yet").isEqualTo(1);

        clock.advance(Duration.ofDays(1)); // the previous lottery closed an hour ago
        DrawRecord drawn = SystemIdentity.call(() -> draws.store(previous.id().value()));
        SystemIdentity.call(() -> draws.markDrawn(drawn));
        List<String> winners = drawn.results().stream().filter(DrawRecord.Result::won).map(DrawRecord.Result::number).toList();
        assertThat(winners).hasSize(1).isSubsetOf(aPrev, bPrev);
        BaeumUser winner = winners.contains(aPrev) ? a : b;
        BaeumUser loser = winner == a ? b : a;

        Round round = create("SECOND", List.of(next), true, previous.id());
        Application lost = apply(loser, round, next, false);
        Application won = apply(winner, round, next, false);
        Application fresh = apply(newcomer, round, next, false);
        Application withdrawn = apply(withdrew, round, next, false);
        Application household = apply(family, round, next, true);
        assertThat(lost.weight()).isEqualTo(2);
        assertThat(won.weight()).isEqualTo(1);
        assertThat(fresh.weight()).isEqualTo(1);
        assertThat(withdrawn.weight()).as("withdrawn before the previous draw").isEqualTo(1);
        assertThat(household.weight()).as("both members lost together").isEqualTo(2);
        assertThat(as(loser, applications::mine)).filteredOn(x -> x.round().equals(round.id()))
                .extracting(Application::weight).containsExactly(2);

        DrawRecord unsealed = inputs.unsealed(roundDocuments.find(round.id().value()).orElseThrow());
        assertThat(unsealed.applications()).extracting(DrawRecord.Application::number, DrawRecord.Application::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(lost.number(), 2),
                        org.assertj.core.groups.Tuple.tuple(won.number(), 1),
                        org.assertj.core.groups.Tuple.tuple(fresh.number(), 1),
                        org.assertj.core.groups.Tuple.tuple(withdrawn.number(), 1),
                        org.assertj.core.groups.Tuple.tuple(household.number(), 2));

        Round without = create("NOSECOND", List.of(next), false, previous.id());
        assertThat(apply(loser, without, next, false).weight()).as("the round gives no second entries").isEqualTo(1);

        as(family, () -> households.addDependant(new DependantDraft("마둘째", LocalDate.of(2018, 8, 8), Relation.CHILD)));
        Round later = create("LATER", List.of(next), true, previous.id());
        assertThat(apply(family, later, next, true).weight()).as("the new member was not in the previous round")
                .isEqualTo(1);
    }

    /** A round whose lottery opened an hour ago and closes in 23 hours. */
    private Round create(String prefix, List<OfferingId> offerings, boolean secondEntry, RoundId previous) {
        Instant t = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<RoundPhase> phases = List.of(new RoundPhase(RoundPhaseKind.LOTTERY, t.minus(Duration.ofHours(1)),
                t.plus(Duration.ofHours(23))));
        RoundDraft draft = new RoundDraft(prefix + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(),
                "재추첨 회차", "Second-entry round", offerings, phases, t.plus(Duration.ofDays(2)), secondEntry,
                ReservedShare.NONE, previous, List.of());
        return as(staff, () -> rounds.create(draft));
    }

    private Application apply(BaeumUser who, Round round, OfferingId offering, boolean household) {
        return as(who, () -> applications.apply(round.id(), null, List.of(offering), household));
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
