package org.baeum.enrollment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.ParticipationFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One batch of seat decisions (decision 0017), decided directly so that its make-up is known: the seats and tickets
 * it takes, the order it keeps, a duplicate inside it, and a crash in the middle of it followed by the sweep.
 */
@BaeumIntegrationTest
class BatchedDecisionTest {

    @Autowired
    SeatDecider engine;
    @Autowired
    Recovery recovery;
    @Autowired
    EnrollmentLists entries;
    @Autowired
    SeatLedger seats;
    @Autowired
    CatalogService catalog;
    @Autowired
    HouseholdService households;
    @Autowired
    CrashPoints crash;
    @Autowired
    MutableClock clock;

    static EnrollmentFixture fixture;
    static final List<BaeumUser> citizens = new ArrayList<>();

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        citizens.addAll(accounts.citizens("batch", "묶음", 8, LocalDate.of(1985, 3, 1)));
    }

    @AfterEach
    void reset() {
        crash.crashAfter(null);
        TestAccounts.signOut();
        clock.reset();
    }

    private SeatRequest request(OfferingId offering, int citizen, String key) {
        TestAccounts.signIn(citizens.get(citizen));
        Offering o = catalog.offering(offering).orElseThrow();
        Participant p = households.participant(new ParticipantId(citizens.get(citizen).accountId()));
        return new SeatRequest(new SeatDecider.Command(o, p, key, p.id().value(), false, true, District.MAPO),
                EnrollmentRepository.newId(), EnrollmentRepository.idemKey(p.household().value(), key), Fee.full(10_000),
                new ParticipationFacts(o.ageDay().getYear(), p.id().value(), AgeBand.UNKNOWN, District.MAPO, true, null,
                        o.program().audience(), null));
    }

    private List<SeatRequest> batch(OfferingId offering, int... citizenIndexes) {
        List<SeatRequest> batch = new ArrayList<>();
        for (int c : citizenIndexes) {
            batch.add(request(offering, c, UUID.randomUUID().toString()));
        }
        return batch;
    }

    private List<EnrollmentDocument> decideAndFinish(List<SeatRequest> batch) {
        TestAccounts.signIn(citizens.getFirst());
        engine.decide(batch);
        List<EnrollmentDocument> done = new ArrayList<>();
        for (SeatRequest r : batch) {
            TestAccounts.signIn(citizens.getFirst());
            done.add(engine.finish(r));
        }
        return done;
    }

    private SeatLedger.Ledger ledger(OfferingId o) {
        return SystemIdentity.call(() -> seats.ledger(o).orElseThrow());
    }

    @Test
    void a_batch_seats_as_many_as_are_free_in_its_order_and_queues_the_rest_with_consecutive_positions() {
        OfferingId o = fixture.offering(3, 10_000);
        List<EnrollmentDocument> first = decideAndFinish(batch(o, 0, 1, 2, 3, 4));
        assertThat(first).extracting(EnrollmentDocument::status).containsExactly(EnrollmentStatus.ENROLLED,
                EnrollmentStatus.ENROLLED, EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.WAITLISTED);
        assertThat(first).extracting(EnrollmentDocument::positionAtJoin).containsExactly(null, null, null, 1, 2);
        SeatLedger.Ledger ledger = ledger(o);
        assertThat(ledger.seats().taken()).isEqualTo(3);
        assertThat(ledger.seats().left()).isZero();
        assertThat(ledger.seats().waitlistLength()).isEqualTo(2);
        assertThat(ledger.holders()).extracting(SeatLedger.Holder::id)
                .containsExactlyInAnyOrderElementsOf(first.subList(0, 3).stream().map(EnrollmentDocument::id).toList());
        // a later batch into the full offering draws the next tickets, in its order
        List<EnrollmentDocument> second = decideAndFinish(batch(o, 5, 6, 7));
        assertThat(second).extracting(EnrollmentDocument::status).containsOnly(EnrollmentStatus.WAITLISTED);
        assertThat(second).extracting(EnrollmentDocument::positionAtJoin).containsExactly(3, 4, 5);
        assertThat(second).extracting(EnrollmentDocument::ticket)
                .containsExactly(first.get(4).ticket() + 1, first.get(4).ticket() + 2, first.get(4).ticket() + 3);
        assertThat(entries.waiting(o.value(), 10)).extracting(EnrollmentDocument::id).containsExactly(
                first.get(3).id(), first.get(4).id(), second.get(0).id(), second.get(1).id(), second.get(2).id());
    }

    @Test
    void a_batch_that_fits_takes_its_seats_with_one_update() {
        OfferingId o = fixture.offering(10, 0);
        List<EnrollmentDocument> done = decideAndFinish(batch(o, 0, 1, 2, 3));
        assertThat(done).extracting(EnrollmentDocument::status).containsOnly(EnrollmentStatus.ENROLLED);
        assertThat(ledger(o).seats().taken()).isEqualTo(4);
        assertThat(ledger(o).seats().waitlistLength()).isZero();
    }

    @Test
    void a_duplicate_inside_a_batch_is_refused_alone_and_gives_its_seat_back_and_a_replayed_key_gets_the_first_answer() {
        OfferingId o = fixture.offering(5, 10_000);
        List<SeatRequest> batch = batch(o, 0, 1);
        batch.add(request(o, 0, UUID.randomUUID().toString())); // citizen 0 again, another key: a second active entry
        String key = UUID.randomUUID().toString();
        batch.add(request(o, 2, key));
        batch.add(request(o, 2, key)); // the same click twice
        TestAccounts.signIn(citizens.getFirst());
        engine.decide(batch);
        assertThat(batch).extracting(r -> r.duplicate).containsExactly(false, false, true, false, true);
        assertThat(ledger(o).seats().taken()).as("before the requesters answer, the duplicates still hold seats").isEqualTo(5);
        TestAccounts.signIn(citizens.getFirst());
        assertThat(engine.finish(batch.get(0)).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThatThrownBy(() -> engine.finish(batch.get(2))).isInstanceOfSatisfying(EnrollmentRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(EnrollmentRefusedException.Reason.ALREADY));
        EnrollmentDocument replayed = engine.finish(batch.get(4));
        assertThat(replayed.id()).isEqualTo(batch.get(3).id);
        engine.finish(batch.get(1));
        engine.finish(batch.get(3));
        SeatLedger.Ledger ledger = ledger(o);
        assertThat(ledger.seats().taken()).isEqualTo(3);
        assertThat(ledger.holders()).extracting(SeatLedger.Holder::id)
                .containsExactlyInAnyOrder(batch.get(0).id, batch.get(1).id, batch.get(3).id);
        assertThat(entries.count(com.mongodb.client.model.Filters.eq("offeringId", o.value()))).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = CrashPoints.Step.class, names = {"SEAT_TAKEN", "RECORD_WRITTEN"})
    void a_crash_in_the_middle_of_a_batch_is_undone_or_completed_by_the_sweep(CrashPoints.Step step) {
        OfferingId o = fixture.offering(2, 10_000);
        List<SeatRequest> batch = batch(o, 0, 1, 2, 3);
        crash.crashAfter(s -> s == step);
        TestAccounts.signIn(citizens.getFirst());
        assertThatThrownBy(() -> engine.decide(batch)).isInstanceOf(CrashPoints.Crash.class);
        crash.crashAfter(null);
        clock.advance(Duration.ofMinutes(3));
        recovery.recover();
        SeatLedger.Ledger ledger = ledger(o);
        List<EnrollmentDocument> stored = entries.ofOffering(o.value(), List.of(EnrollmentStatus.values()), 100);
        if (step == CrashPoints.Step.SEAT_TAKEN) {
            assertThat(stored).isEmpty();
            assertThat(ledger.seats().taken()).isZero();
            assertThat(ledger.holders()).isEmpty();
        } else {
            assertThat(stored).extracting(EnrollmentDocument::status).containsExactlyInAnyOrder(EnrollmentStatus.ENROLLED,
                    EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.WAITLISTED);
            assertThat(ledger.holders()).allSatisfy(h -> assertThat(h.confirmed()).isTrue());
            assertThat(ledger.holders().stream().map(SeatLedger.Holder::id).collect(Collectors.toSet())).isEqualTo(
                    stored.stream().filter(e -> e.status() == EnrollmentStatus.ENROLLED).map(EnrollmentDocument::id)
                            .collect(Collectors.toSet()));
        }
        assertThat(ledger.seats().taken() + ledger.seats().left()).isEqualTo(ledger.seats().capacity());
    }
}
