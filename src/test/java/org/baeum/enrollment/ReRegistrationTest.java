package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.baeum.account.ParticipantId;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Continuation;
import org.baeum.recruitment.ReservedShare;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundDraft;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundPhaseKind;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.RoundDraws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Re-registration (issue 15): learners of the previous term's offering keep their place in its continuation by
 * claiming it while the round's re-registration phase is open; anyone else is refused; unclaimed places go to the
 * draw, which counts only the seats left.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.recruitment.PausedDrawJob.class)
class ReRegistrationTest {

    @Autowired
    MutableClock clock;
    @Autowired
    RoundService rounds;
    @Autowired
    ReRegistrations reRegistrations;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    Applications applications;
    @Autowired
    RoundDraws draws;
    @Autowired
    RoundDrawsService drawn;
    @Autowired
    SeatLedger seats;
    @Autowired
    org.baeum.enrollment.internal.EnrollmentRepository entries;
    @Autowired
    CatalogService catalogs;

    static EnrollmentFixture catalog;
    static BaeumUser staff;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalogService, @Autowired MutableClock clock) {
        DemoCatalogFixture.load(contributors);
        catalog = new EnrollmentFixture(catalogService, clock);
        staff = accounts.create("rereg-staff", Role.STAFF);
        citizens = accounts.citizens("rereg", "재등록", 4, LocalDate.of(1970, 5, 5));
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void a_learner_of_the_previous_term_keeps_a_place_by_claiming_it_once_and_others_are_refused() {
        OfferingId previous = catalog.offering(10, 0);
        OfferingId next = catalog.offering(2, 40_000);
        BaeumUser learner = citizens.get(0);
        BaeumUser newcomer = citizens.get(1);
        as(learner, () -> enrollments.enroll(previous, null, UUID.randomUUID().toString()));
        Round round = round("REREG", previous, next);

        List<ReRegistration> offered = as(learner, reRegistrations::mine);
        assertThat(offered).singleElement().satisfies(r -> {
            assertThat(r.offering()).isEqualTo(next);
            assertThat(r.previous()).isEqualTo(previous);
            assertThat(r.claimed()).isFalse();
        });
        assertThat(as(newcomer, reRegistrations::mine)).isEmpty();

        ParticipantId self = new ParticipantId(learner.accountId());
        Enrollment kept = as(learner, () -> reRegistrations.claim(round.id(), next, self));
        assertThat(kept.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(kept.fee().amount()).isEqualTo(40_000);
        assertThat(entries.findById(kept.id().value()).orElseThrow().facts()).as("a re-registration keeps its facts")
                .satisfies(f -> {
                    assertThat(f.person()).isEqualTo(learner.accountId());
                    assertThat(f.district()).isEqualTo(org.baeum.account.District.MAPO);
                    assertThat(f.resident()).isTrue();
                    assertThat(f.year()).isEqualTo(system(() -> catalogs.offering(next)).orElseThrow().ageDay().getYear());
                });
        Enrollment again = as(learner, () -> reRegistrations.claim(round.id(), next, self));
        assertThat(again.id()).isEqualTo(kept.id());
        assertThat(system(() -> seats.counters(next)).orElseThrow().taken()).isEqualTo(1);
        assertThat(as(learner, reRegistrations::mine)).singleElement().extracting(ReRegistration::claimed).isEqualTo(true);

        // a newcomer, and a learner claiming for someone outside their household, change nothing
        assertThatThrownBy(() -> as(newcomer, () -> reRegistrations.claim(round.id(), next,
                new ParticipantId(newcomer.accountId())))).isInstanceOfSatisfying(EnrollmentRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(EnrollmentRefusedException.Reason.NOT_CONTINUING));
        assertThatThrownBy(() -> as(newcomer, () -> reRegistrations.claim(round.id(), next, self)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(system(() -> seats.counters(next)).orElseThrow().taken()).isEqualTo(1);
    }

    @Test
    void after_the_phase_closes_the_claim_is_refused_and_the_draw_gives_out_only_the_places_left() {
        OfferingId previous = catalog.offering(10, 0);
        OfferingId next = catalog.offering(3, 0);
        BaeumUser kept = citizens.get(2);
        BaeumUser late = citizens.get(3);
        as(kept, () -> enrollments.enroll(previous, null, UUID.randomUUID().toString()));
        as(late, () -> enrollments.enroll(previous, null, UUID.randomUUID().toString()));
        Round round = round("RERED", previous, next);
        as(kept, () -> reRegistrations.claim(round.id(), next, new ParticipantId(kept.accountId())));

        clock.advance(Duration.ofHours(2)); // re-registration closed an hour ago; the lottery is open
        assertThatThrownBy(() -> as(late, () -> reRegistrations.claim(round.id(), next, new ParticipantId(late.accountId()))))
                .isInstanceOfSatisfying(EnrollmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnrollmentRefusedException.Reason.CLOSED));
        assertThat(as(late, reRegistrations::mine)).isEmpty();
        as(late, () -> applications.apply(round.id(), null, List.of(next), false));

        clock.advance(Duration.ofDays(1));
        SystemIdentity.run(draws::runDue);
        DrawRecord record = system(() -> drawn.record(round.id()));
        assertThat(record.offerings()).singleElement().extracting(DrawRecord.Offering::seats).isEqualTo(2);
        assertThat(record.results()).singleElement().extracting(DrawRecord.Result::won).isEqualTo(true);
    }

    /** Re-registration open from an hour ago for an hour, then the lottery for a day, then first come. */
    private Round round(String prefix, OfferingId previous, OfferingId next) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant lotteryOpens = now.plus(Duration.ofHours(1));
        Instant lotteryCloses = lotteryOpens.plus(Duration.ofDays(1));
        List<RoundPhase> phases = List.of(
                new RoundPhase(RoundPhaseKind.RE_REGISTRATION, now.minus(Duration.ofHours(1)), lotteryOpens),
                new RoundPhase(RoundPhaseKind.LOTTERY, lotteryOpens, lotteryCloses),
                new RoundPhase(RoundPhaseKind.FIRST_COME, lotteryCloses.plus(Duration.ofDays(2)), lotteryCloses.plus(Duration.ofDays(3))));
        RoundDraft draft = new RoundDraft(prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                "재등록 회차", "Re-registration round", List.of(next), phases, lotteryCloses.plus(Duration.ofHours(36)), false,
                ReservedShare.NONE, null, List.of(new Continuation(next, previous)));
        return as(staff, () -> rounds.create(draft));
    }

    private static <T> T as(BaeumUser user, Supplier<T> action) {
        TestAccounts.signIn(user);
        try {
            return action.get();
        } finally {
            TestAccounts.signOut();
        }
    }

    private static <T> T system(Supplier<T> action) {
        return SystemIdentity.call(action::get);
    }
}
