package org.baeum.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Application numbers come from one atomic counter per round: sequential and unique under a rush; and a participant's
 * second application is refused by the unique index even when both pass the early check together.
 */
@BaeumIntegrationTest
class ApplicationNumbersTest {

    private static final int CITIZENS = 50;

    @Autowired
    Applications applications;
    @Autowired
    RoundService rounds;
    @Autowired
    TestAccounts accounts;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    List<DemoDataContributor> contributors;

    @Test
    void fifty_concurrent_applications_get_the_numbers_one_to_fifty_once_each() throws Exception {
        DemoCatalogFixture.load(contributors);
        OfferingId offering = new EnrollmentFixture(catalog, clock).offering(20, 0);
        Round round = new RoundFixture(rounds, clock, accounts.userOrCreate("numbers-staff", Role.STAFF))
                .open("RUSH", List.of(offering));
        List<BaeumUser> citizens = accounts.citizens("rush", "서두름", CITIZENS, LocalDate.of(1990, 1, 1));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CITIZENS)) {
            for (BaeumUser citizen : citizens) {
                numbers.add(pool.submit(() -> {
                    start.await();
                    TestAccounts.signIn(citizen);
                    try {
                        return applications.apply(round.id(), null, List.of(offering), false).number();
                    } finally {
                        TestAccounts.signOut();
                    }
                }));
            }
            start.countDown();
            TreeSet<String> got = new TreeSet<>();
            for (Future<String> n : numbers) {
                got.add(n.get());
            }
            assertThat(got).containsExactlyElementsOf(IntStream.rangeClosed(1, CITIZENS)
                    .mapToObj(i -> "%s-%06d".formatted(round.id().value(), i)).toList());
        }
        TestAccounts.signIn(citizens.getFirst());
        try {
            assertThat(applications.mine()).singleElement().satisfies(a -> {
                assertThat(a.status()).isEqualTo(ApplicationStatus.SUBMITTED);
                assertThat(a.seats()).isEqualTo(1);
            });
        } finally {
            TestAccounts.signOut();
        }
    }

    @Test
    void the_same_participant_applying_ten_times_at_once_gets_one_application() throws Exception {
        DemoCatalogFixture.load(contributors);
        OfferingId offering = new EnrollmentFixture(catalog, clock).offering(20, 0);
        Round round = new RoundFixture(rounds, clock, accounts.userOrCreate("numbers-staff", Role.STAFF))
                .open("TWICE", List.of(offering));
        BaeumUser citizen = accounts.citizen("twice@test.baeum", "두번", LocalDate.of(1991, 2, 2));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    TestAccounts.signIn(citizen);
                    try {
                        return applications.apply(round.id(), null, List.of(offering), false).number();
                    } catch (ApplicationRefusedException e) {
                        return e.reason().name();
                    } finally {
                        TestAccounts.signOut();
                    }
                }));
            }
            start.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> o : outcomes) {
                got.add(o.get());
            }
            assertThat(got).filteredOn(o -> o.startsWith(round.id().value())).hasSize(1);
            assertThat(got).filteredOn(o -> o.equals("ALREADY_APPLIED")).hasSize(9);
        }
        TestAccounts.signIn(citizen);
        try {
            assertThat(applications.mine()).hasSize(1);
        } finally {
            TestAccounts.signOut();
        }
    }
}
