package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AccountService;
import org.baeum.account.AgeBand;
import org.baeum.account.Dependant;
import org.baeum.account.DependantDraft;
import org.baeum.account.District;
import org.baeum.account.HouseholdService;
import org.baeum.account.ProfileChange;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Audience;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.internal.RoundDraws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every way an entry is made keeps its reporting facts as they were then: first come (enrolled and waitlisted),
 * staff-assisted for a dependant, a draw's winner and loser; age band on the first session day, district and resident
 * (home district MAPO, the default), reduction category, audience and term type.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.recruitment.PausedDrawJob.class)
class ParticipationFactsTest {

    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    EnrollmentDesk desk;
    @Autowired
    EnrollmentRepository repository;
    @Autowired
    CatalogService catalog;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    HouseholdService households;
    @Autowired
    Applications applications;
    @Autowired
    RoundDraws draws;
    @Autowired
    MutableClock clock;

    static EnrollmentFixture fixture;
    static RoundFixture rounds;
    static BaeumUser staff;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock, @Autowired RoundService service) {
        DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        staff = accounts.create("facts-staff-" + UUID.randomUUID(), Role.STAFF);
        rounds = new RoundFixture(service, clock, staff);
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    @Test
    void first_come_keeps_age_band_of_the_first_session_day_district_resident_and_reduction() {
        OfferingId id = fixture.offering(1, 30_000);
        Offering o = SystemIdentity.call(() -> catalog.offering(id)).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        // 18 today, 19 on the first session day
        LocalDate birth = o.ageDay().minusYears(19).minusDays(3);
        assertThat(birth.plusYears(19)).isAfter(today);
        BaeumUser young = citizen("young", birth, null);
        BaeumUser elder = citizen("elder", LocalDate.of(1950, 5, 5), District.GANGNAM);

        Enrollment first = as(young, () -> enrollments.enroll(id, null, key()));
        Enrollment second = as(elder, () -> enrollments.enroll(id, null, key()));
        assertThat(first.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(second.status()).isEqualTo(EnrollmentStatus.WAITLISTED);

        assertThat(facts(first)).isEqualTo(new ParticipationFacts(o.ageDay().getYear(), young.accountId(),
                AgeBand.AGE_19_29, District.MAPO, true, null, Audience.SPORTS, TermType.SIX_MONTH));
        assertThat(facts(second)).isEqualTo(new ParticipationFacts(o.ageDay().getYear(), elder.accountId(),
                AgeBand.AGE_70_PLUS, District.GANGNAM, false, "ELDERLY", Audience.SPORTS, TermType.SIX_MONTH));
    }

    @Test
    void staff_assisted_entry_of_a_dependant_is_the_dependants_with_the_households_district() {
        OfferingId id = fixture.offering(5, 20_000);
        Offering o = SystemIdentity.call(() -> catalog.offering(id)).orElseThrow();
        BaeumUser parent = citizen("parent", LocalDate.of(1982, 2, 2), District.SEODAEMUN);
        Dependant child = as(parent, () -> households.addDependant(
                new DependantDraft("사실아이", o.ageDay().minusYears(8), Relation.CHILD)));

        Enrollment e = as(staff, () -> desk.enrollFor(child.id(), id, key()));

        assertThat(e.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        ParticipationFacts f = facts(e);
        assertThat(f.person()).as("a dependant is a person").isEqualTo(child.id().value()).isNotEqualTo(parent.accountId());
        assertThat(f.ageBand()).isEqualTo(AgeBand.AGE_7_12);
        assertThat(f.district()).isEqualTo(District.SEODAEMUN);
        assertThat(f.resident()).isFalse();
        assertThat(f.year()).isEqualTo(o.ageDay().getYear());
    }

    @Test
    void a_draws_winner_and_loser_keep_their_facts() {
        OfferingId id = fixture.offering(1, 30_000);
        Offering o = SystemIdentity.call(() -> catalog.offering(id)).orElseThrow();
        BaeumUser a = citizen("draw-a", LocalDate.of(1975, 1, 1), null);
        BaeumUser b = citizen("draw-b", LocalDate.of(1995, 1, 1), District.GURO);
        Round round = rounds.open("FACTS", List.of(id));
        as(a, () -> applications.apply(round.id(), null, List.of(id), false));
        as(b, () -> applications.apply(round.id(), null, List.of(id), false));
        clock.advance(Duration.ofDays(1));
        SystemIdentity.run(draws::runDue);

        List<EnrollmentDocument> placed = SystemIdentity.call(() -> desk.desk(id)).offers().stream()
                .map(x -> repository.findById(x.id().value()).orElseThrow()).toList();
        List<EnrollmentDocument> waiting = SystemIdentity.call(() -> desk.desk(id)).waitlist().stream()
                .map(x -> repository.findById(x.id().value()).orElseThrow()).toList();
        assertThat(placed).hasSize(1);
        assertThat(waiting).hasSize(1);
        for (EnrollmentDocument d : List.of(placed.getFirst(), waiting.getFirst())) {
            boolean isA = d.participantId().equals(a.accountId());
            assertThat(d.facts()).isEqualTo(new ParticipationFacts(o.ageDay().getYear(), d.participantId(),
                    isA ? AgeBand.AGE_50S : AgeBand.AGE_30S, isA ? District.MAPO : District.GURO, isA, null,
                    Audience.SPORTS, TermType.SIX_MONTH));
        }
    }

    private ParticipationFacts facts(Enrollment e) {
        return repository.findById(e.id().value()).orElseThrow().facts();
    }

    /** A verified citizen; {@code district} null: the test accounts' MAPO. */
    private BaeumUser citizen(String name, LocalDate birth, District district) {
        BaeumUser user = accounts.citizen("facts-" + name + "-" + UUID.randomUUID() + "@test.baeum", "사실" + name, birth);
        if (district != null) {
            as(user, () -> {
                var me = accountService.myAccount();
                return accountService.updateMyProfile(new ProfileChange(me.displayName(), me.mobile(), district, false));
            });
        }
        return user;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static <T> T as(BaeumUser user, Supplier<T> action) {
        TestAccounts.signIn(user);
        try {
            return action.get();
        } finally {
            TestAccounts.signOut();
        }
    }
}
