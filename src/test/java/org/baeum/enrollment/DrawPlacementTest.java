package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.internal.CrashPoints;
import org.baeum.enrollment.internal.DrawPlacements;
import org.baeum.notification.internal.OutboxRepository;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.DrawnRound;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.internal.RoundDraws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After a round's draw (issue 15, decision 0029): winners hold a seat until the confirmation deadline, losers wait on
 * each choice in draw order, an unconfirmed win passes on in draw order, and a placement a crash interrupted is
 * completed by the sweep with the same result and no second mail.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.recruitment.PausedDrawJob.class)
class DrawPlacementTest {

    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;
    @Autowired
    RoundDraws draws;
    @Autowired
    RoundDrawsService drawn;
    @Autowired
    DrawPlacements placements;
    @Autowired
    Applications applications;
    @Autowired
    CitizenEnrollments citizenEnrollments;
    @Autowired
    EnrollmentDesk desk;
    @Autowired
    SeatLedger seats;
    @Autowired
    CrashPoints crash;

    static RoundFixture rounds;
    static EnrollmentFixture catalog;
    static List<BaeumUser> citizens;
    static BaeumUser family;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalogService, @Autowired MutableClock clock,
                     @Autowired RoundService service, @Autowired HouseholdService households) {
        DemoCatalogFixture.load(contributors);
        catalog = new EnrollmentFixture(catalogService, clock);
        rounds = new RoundFixture(service, clock, accounts.create("placement-staff", Role.STAFF));
        citizens = accounts.citizens("placement", "배정", 6, LocalDate.of(1985, 1, 1));
        family = accounts.citizen("placement.family@test.baeum", "배가족", LocalDate.of(1980, 1, 1));
        as(family, () -> households.addDependant(new DependantDraft("배아이", LocalDate.of(2012, 3, 3), Relation.CHILD)));
    }

    @AfterEach
    void reset() {
        crash.crashAfter(null);
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void winners_hold_a_seat_until_the_deadline_and_losers_wait_on_each_choice_in_draw_order() {
        OfferingId small = catalog.offering(1, 30_000);
        OfferingId large = catalog.offering(2, 30_000);
        Round round = rounds.open("PLACE", List.of(small, large));
        for (BaeumUser c : citizens.subList(0, 5)) {
            as(c, () -> applications.apply(round.id(), null, List.of(small, large), false));
        }
        drawNow();

        DrawnRound result = system(() -> drawn.drawn(round.id())).orElseThrow();
        List<DrawnRound.Drawn> winners = result.inDrawOrder().stream().filter(d -> !d.lost()).toList();
        List<DrawnRound.Drawn> losers = result.inDrawOrder().stream().filter(DrawnRound.Drawn::lost).toList();
        assertThat(winners).hasSize(3);
        assertThat(losers).hasSize(2);
        var deskSmall = system(() -> desk.desk(small));
        var deskLarge = system(() -> desk.desk(large));
        assertThat(deskSmall.offers()).hasSize(1);
        assertThat(deskLarge.offers()).hasSize(2);
        assertThat(deskSmall.offers().getFirst().offerExpiresAt()).isEqualTo(round.confirmationDeadline());
        // both losers wait on both offerings, in draw order
        List<String> loserParticipants = losers.stream().map(d -> d.participants().getFirst().value()).toList();
        assertThat(deskSmall.waitlist()).extracting(e -> e.participant().value()).containsExactlyElementsOf(loserParticipants);
        assertThat(deskLarge.waitlist()).extracting(e -> e.participant().value()).containsExactlyElementsOf(loserParticipants);
        assertThat(system(() -> seats.counters(small)).orElseThrow().left()).isZero();
        assertThat(wonMails(small, large)).isEqualTo(3);
        assertThat(mails("drawlost:" + round.id().value())).isEqualTo(2);

        // running it again (the sweep) changes nothing and mails no one
        int entries = entriesOf(small, large);
        placements.placeDue(); // the sweep: places other drawn rounds of the shared database, never this one again
        assertThat(system(() -> placements.place(round.id()))).isEmpty();
        assertThat(entriesOf(small, large)).isEqualTo(entries);
        assertThat(wonMails(small, large)).isEqualTo(3);
        assertThat(mails("drawlost:" + round.id().value())).isEqualTo(2);
    }

    @Test
    void a_declined_win_goes_to_the_next_applicant_in_draw_order_who_chose_that_offering() {
        OfferingId o = catalog.offering(1, 0);
        Round round = rounds.open("PASS", List.of(o));
        for (BaeumUser c : citizens.subList(0, 3)) {
            as(c, () -> applications.apply(round.id(), null, List.of(o), false));
        }
        drawNow();
        DrawnRound result = system(() -> drawn.drawn(round.id())).orElseThrow();
        BaeumUser winner = owner(result.inDrawOrder().get(0));
        BaeumUser second = owner(result.inDrawOrder().get(1));
        Enrollment win = as(winner, () -> citizenEnrollments.myEnrollments()).stream()
                .filter(e -> e.offering().equals(o)).findFirst().orElseThrow();
        assertThat(win.status()).isEqualTo(EnrollmentStatus.OFFERED);

        as(winner, () -> citizenEnrollments.declineOffer(win.id()));

        Enrollment next = as(second, () -> citizenEnrollments.myEnrollments()).stream()
                .filter(e -> e.offering().equals(o)).findFirst().orElseThrow();
        assertThat(next.status()).isEqualTo(EnrollmentStatus.OFFERED);
        Enrollment accepted = as(second, () -> citizenEnrollments.acceptOffer(next.id()));
        assertThat(accepted.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(system(() -> desk.desk(o)).waitlist()).hasSize(1);
    }

    @Test
    void a_loser_who_takes_a_seat_from_one_line_leaves_the_rounds_other_lines() {
        OfferingId first = catalog.offering(1, 0);
        OfferingId second = catalog.offering(1, 0);
        Round round = rounds.open("ONCE", List.of(first, second));
        for (BaeumUser c : citizens.subList(0, 4)) {
            as(c, () -> applications.apply(round.id(), null, List.of(first, second), false));
        }
        drawNow();
        List<DrawnRound.Drawn> order = system(() -> drawn.drawn(round.id())).orElseThrow().inDrawOrder();
        BaeumUser winner = owner(order.get(0));
        BaeumUser third = owner(order.get(2));
        assertThat(system(() -> desk.desk(second)).waitlist()).extracting(e -> e.participant().value())
                .containsExactly(order.get(2).participants().getFirst().value(), order.get(3).participants().getFirst().value());

        Enrollment win = as(winner, () -> citizenEnrollments.myEnrollments()).stream()
                .filter(e -> e.offering().equals(first) && e.status() == EnrollmentStatus.OFFERED).findFirst().orElseThrow();
        as(winner, () -> citizenEnrollments.declineOffer(win.id()));
        Enrollment offered = as(third, () -> citizenEnrollments.myEnrollments()).stream()
                .filter(e -> e.status() == EnrollmentStatus.OFFERED).findFirst().orElseThrow();
        assertThat(offered.offering()).isEqualTo(first);
        as(third, () -> citizenEnrollments.acceptOffer(offered.id()));

        assertThat(system(() -> desk.desk(second)).waitlist()).extracting(e -> e.participant().value())
                .containsExactly(order.get(3).participants().getFirst().value());
        assertThat(as(third, () -> citizenEnrollments.myEnrollments())).filteredOn(e -> e.offering().equals(second))
                .extracting(Enrollment::status).containsExactly(EnrollmentStatus.LEFT);
    }

    @Test
    void a_household_that_wins_gets_a_seat_for_every_member() {
        OfferingId o = catalog.offering(2, 0);
        Round round = rounds.open("HOME", List.of(o));
        as(family, () -> applications.apply(round.id(), null, List.of(o), true));
        drawNow();
        assertThat(system(() -> desk.desk(o)).offers()).hasSize(2)
                .allSatisfy(e -> assertThat(e.household().value()).isEqualTo(family.accountId()));
    }

    @Test
    void a_crash_halfway_through_the_placement_is_completed_by_the_sweep_with_the_same_result_and_no_second_mail() {
        OfferingId a = catalog.offering(2, 10_000);
        OfferingId b = catalog.offering(1, 10_000);
        Round round = rounds.open("HALF", List.of(a, b));
        for (BaeumUser c : citizens) {
            as(c, () -> applications.apply(round.id(), null, List.of(a, b), false));
        }
        AtomicInteger written = new AtomicInteger();
        crash.crashAfter(step -> step == CrashPoints.Step.RECORD_WRITTEN && written.incrementAndGet() == 2);
        drawNow(); // the listener places two winners, then "crashes" (the error is logged)
        assertThat(system(() -> desk.desk(a)).offers().size() + system(() -> desk.desk(b)).offers().size()).isEqualTo(2);
        assertThat(database.getCollection("enrollment_round_placements").countDocuments(Filters.and(
                Filters.eq("_id", round.id().value()), Filters.exists("placedAt")))).as("not marked placed").isZero();
        long mailsBefore = wonMails(a, b);

        crash.crashAfter(null);
        assertThat(placements.placeDue()).as("this round, and any other drawn one not placed yet").isGreaterThanOrEqualTo(1);

        DrawnRound result = system(() -> drawn.drawn(round.id())).orElseThrow();
        Map<OfferingId, List<String>> won = result.inDrawOrder().stream().filter(d -> !d.lost()).collect(Collectors
                .groupingBy(DrawnRound.Drawn::won, Collectors.mapping(d -> d.participants().getFirst().value(), Collectors.toList())));
        assertThat(system(() -> desk.desk(a)).offers()).extracting(e -> e.participant().value())
                .containsExactlyInAnyOrderElementsOf(won.get(a));
        assertThat(system(() -> desk.desk(b)).offers()).extracting(e -> e.participant().value())
                .containsExactlyInAnyOrderElementsOf(won.get(b));
        assertThat(system(() -> desk.desk(a)).waitlist()).hasSize(3);
        assertThat(system(() -> seats.ledger(a)).orElseThrow().seats().taken()).isEqualTo(2);
        assertThat(system(() -> seats.ledger(b)).orElseThrow().seats().taken()).isEqualTo(1);
        assertThat(mailsBefore).as("the second winner's entry was stored, its mail not yet").isEqualTo(1);
        assertThat(wonMails(a, b)).isEqualTo(3);
        assertThat(mails("drawlost:" + round.id().value())).isEqualTo(3);
    }

    @Test
    void two_runs_placing_one_round_at_once_place_it_once_and_every_offer_holds_its_seat() throws Exception {
        OfferingId o = catalog.offering(2, 0);
        Round round = rounds.open("TWICE", List.of(o));
        for (BaeumUser c : citizens.subList(0, 4)) {
            as(c, () -> applications.apply(round.id(), null, List.of(o), false));
        }
        clock.advance(Duration.ofDays(1));
        SystemIdentity.run(() -> draws.markDrawn(draws.store(round.id().value()))); // drawn, no event: not placed yet

        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<java.util.Optional<DrawPlacements.Placed>>> runs = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return placements.place(round.id());
                }));
            }
            start.countDown();
            List<java.util.Optional<DrawPlacements.Placed>> results = new ArrayList<>();
            for (var run : runs) {
                results.add(run.get());
            }
            assertThat(results).filteredOn(java.util.Optional::isPresent).as("one run placed it").hasSize(1);
        }
        OfferingDesk after = system(() -> desk.desk(o));
        assertThat(after.offers()).hasSize(2);
        assertThat(after.waitlist()).hasSize(2);
        assertThat(system(() -> seats.ledger(o)).orElseThrow().holders()).extracting(SeatLedger.Holder::id)
                .containsExactlyInAnyOrderElementsOf(after.offers().stream().map(e -> e.id().value()).toList());
    }

    @Test
    void at_the_first_come_phase_leftover_seats_go_first_come_and_a_full_class_queues_newcomers_behind_the_losers() {
        OfferingId roomy = catalog.offering(3, 0);
        OfferingId full = catalog.offering(1, 0);
        Round round = rounds.open("LEFT", List.of(roomy, full));
        as(citizens.get(0), () -> applications.apply(round.id(), null, List.of(roomy), false));
        as(citizens.get(1), () -> applications.apply(round.id(), null, List.of(full), false));
        as(citizens.get(2), () -> applications.apply(round.id(), null, List.of(full), false));
        drawNow();
        assertThatThrownBy(() -> as(citizens.get(3), () -> citizenEnrollments.enroll(roomy, null, "early-" + round.id().value())))
                .as("before the first-come phase").isInstanceOf(EnrollmentRefusedException.class);

        clock.advance(Duration.ofDays(2)); // the round's first-come phase is open
        Enrollment leftover = as(citizens.get(3), () -> citizenEnrollments.enroll(roomy, null, "left-" + round.id().value()));
        assertThat(leftover.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        Enrollment behind = as(citizens.get(4), () -> citizenEnrollments.enroll(full, null, "full-" + round.id().value()));
        assertThat(behind.status()).isEqualTo(EnrollmentStatus.WAITLISTED);
        assertThat(behind.waitlistPosition()).as("behind the draw's loser").isEqualTo(2);
    }

    @Test
    void a_round_first_seen_drawn_after_every_phase_ended_is_published_but_not_placed() {
        OfferingId o = catalog.offering(1, 0);
        Round round = rounds.open("LATE", List.of(o));
        as(citizens.get(0), () -> applications.apply(round.id(), null, List.of(o), false));
        clock.advance(Duration.ofDays(5)); // the portal was away past the first-come phase
        SystemIdentity.run(draws::runDue);

        assertThat(system(() -> drawn.drawn(round.id())).orElseThrow().over()).isTrue();
        assertThat(entriesOf(o)).isZero();
        assertThat(database.getCollection("enrollment_round_placements").countDocuments(
                Filters.eq("_id", round.id().value()))).isEqualTo(1);
    }

    private void drawNow() {
        clock.advance(Duration.ofDays(1));
        SystemIdentity.run(draws::runDue);
    }

    private long mails(String keyPrefix) {
        return database.getCollection(OutboxRepository.COLLECTION)
                .countDocuments(Filters.regex("key", "^" + java.util.regex.Pattern.quote(keyPrefix)));
    }

    /** The win mails of the entries holding an offer in these offerings. */
    private long wonMails(OfferingId... offerings) {
        List<String> keys = new ArrayList<>();
        for (OfferingId o : offerings) {
            system(() -> desk.desk(o)).offers().forEach(e -> keys.add("drawwon:" + e.id().value()));
        }
        return database.getCollection(OutboxRepository.COLLECTION).countDocuments(Filters.in("key", keys));
    }

    private int entriesOf(OfferingId... offerings) {
        int n = 0;
        for (OfferingId o : offerings) {
            var d = system(() -> desk.desk(o));
            n += d.enrolled().size() + d.offers().size() + d.waitlist().size();
        }
        return n;
    }

    private static BaeumUser owner(DrawnRound.Drawn d) {
        List<BaeumUser> all = new ArrayList<>(citizens);
        all.add(family);
        return all.stream().filter(u -> u.accountId().equals(d.household().value())).findFirst().orElseThrow();
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
