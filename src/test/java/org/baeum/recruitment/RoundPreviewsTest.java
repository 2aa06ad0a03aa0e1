package org.baeum.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.internal.ApplicationRepository;
import org.baeum.recruitment.internal.DrawRepository;
import org.baeum.recruitment.internal.RoundRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The dry-run draw: it runs the rule on a copy of the applications with a throw-away seed, so two previews of the
 * same applications usually differ, each one keeps to the seats and gives every application at most one win; and it
 * stores nothing (no draw record, the round not drawn, its seed untouched). Only STAFF and ADMIN may run it.
 */
@BaeumIntegrationTest
@ExtendWith(PausedDrawJob.class)
class RoundPreviewsTest {

    @Autowired
    RoundPreviews previews;
    @Autowired
    RoundService rounds;
    @Autowired
    RoundRepository roundRepository;
    @Autowired
    Applications applications;
    @Autowired
    TestAccounts accounts;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;
    @Autowired
    List<DemoDataContributor> contributors;

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    @Test
    void previews_differ_keep_to_the_seats_and_store_nothing() {
        DemoCatalogFixture.load(contributors);
        EnrollmentFixture offerings = new EnrollmentFixture(catalog, clock);
        OfferingId small = offerings.offering(3, 0);
        OfferingId other = offerings.offering(2, 0);
        BaeumUser staff = accounts.userOrCreate("preview-staff", Role.STAFF);
        Round round = new RoundFixture(rounds, clock, staff).open("PREVIEW", List.of(small, other));
        List<BaeumUser> citizens = accounts.citizens("preview.c", "미리", 12, LocalDate.of(1970, 1, 1));
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < citizens.size(); i++) {
            List<OfferingId> choices = i % 3 == 0 ? List.of(other, small) : List.of(small);
            numbers.add(as(citizens.get(i), () -> applications.apply(round.id(), null, choices, false)).number());
        }
        String seed = roundRepository.seedOf(round.id().value()).orElseThrow();

        clock.advance(Duration.ofDays(1).plus(Duration.ofHours(1))); // closed and due: the real draw could run now
        List<DrawPreview> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(as(staff, () -> previews.preview(round.id())));
        }

        for (DrawPreview p : runs) {
            consistent(p, numbers, Map.of(small, 3, other, 2));
        }
        assertThat(runs.stream().map(p -> p.offerings().getFirst().winners()).distinct().count())
                .as("six throw-away seeds give more than one set of winners").isGreaterThan(1);

        assertThat(database.getCollection(DrawRepository.COLLECTION).countDocuments(Filters.eq("_id", round.id().value())))
                .isZero();
        assertThat(roundRepository.find(round.id().value()).orElseThrow().drawnAt()).isNull();
        assertThat(rounds.round(round.id()).orElseThrow().status()).isEqualTo(RoundStatus.DRAWING);
        assertThat(roundRepository.seedOf(round.id().value())).contains(seed);
        assertThat(database.getCollection(ApplicationRepository.COLLECTION)
                .countDocuments(Filters.eq("roundId", round.id().value()))).isEqualTo(12);
    }

    /** Seats never exceeded, each application listed once as a winner or lost, totals adding up. */
    private static void consistent(DrawPreview p, Set<String> numbers, Map<OfferingId, Integer> seats) {
        assertThat(p.applications()).isEqualTo(numbers.size());
        assertThat(p.won() + p.lost()).isEqualTo(p.applications());
        Map<String, String> wonAt = new HashMap<>();
        Set<String> lost = new HashSet<>();
        for (DrawPreview.PerOffering o : p.offerings()) {
            assertThat(o.seats()).isEqualTo(seats.get(o.offering()));
            assertThat(o.seatsGiven()).isEqualTo(o.winners().size()).isLessThanOrEqualTo(o.seats());
            o.winners().forEach(n -> assertThat(wonAt.put(n, o.offering().value())).as("%s wins once", n).isNull());
            lost.addAll(o.losers());
        }
        assertThat(wonAt).hasSize(p.won());
        assertThat(lost).hasSize(p.lost()).doesNotContainAnyElementsOf(wonAt.keySet());
        Set<String> all = new HashSet<>(wonAt.keySet());
        all.addAll(lost);
        assertThat(all).isEqualTo(numbers);
        // 12 applications want 5 seats in all: every seat is given
        assertThat(p.won()).isEqualTo(5);
    }

    @Test
    void a_citizen_may_not_run_a_preview() {
        DemoCatalogFixture.load(contributors);
        OfferingId offering = new EnrollmentFixture(catalog, clock).offering(3, 0);
        Round round = new RoundFixture(rounds, clock, accounts.userOrCreate("preview-staff", Role.STAFF))
                .open("PREVIEWNO", List.of(offering));
        BaeumUser citizen = accounts.citizen("preview.refused@test.baeum", "거절", LocalDate.of(1980, 2, 2));
        assertThatThrownBy(() -> as(citizen, () -> previews.preview(round.id()))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(accounts.userOrCreate("preview-admin", Role.ADMIN), () -> previews.preview(round.id())).applications())
                .isZero();
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
