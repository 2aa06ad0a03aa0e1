package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** First come, the waitlist and idempotency, against the embedded server. */
@BaeumIntegrationTest
class CitizenEnrollmentsTest {

    @Autowired
    CitizenEnrollments enrollments;

    @Autowired
    EnrollmentDesk enrollmentDesk;
    @Autowired
    CatalogService catalog;
    @Autowired
    SeatLedger seats;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    com.mongodb.client.MongoDatabase database;

    static EnrollmentFixture fixture;
    static List<BaeumUser> citizens = new ArrayList<>();

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        citizens.addAll(accounts.citizens("rush", "시민", 200, LocalDate.of(1980, 1, 1)));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
        clock.reset();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void first_come_gets_seats_then_the_waitlist_with_positions() {
        OfferingId o = fixture.offering(2, 30_000);
        List<Enrollment> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestAccounts.signIn(citizens.get(i));
            results.add(enrollments.enroll(o, null, key()));
        }
        assertThat(results).extracting(Enrollment::status).containsExactly(EnrollmentStatus.ENROLLED,
                EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.WAITLISTED);
        assertThat(results).extracting(Enrollment::waitlistPosition).containsExactly(null, null, 1, 2);
        assertThat(results.getFirst().fee().amount()).isEqualTo(30_000);
        SystemIdentity.run(() -> {
            var ledger = seats.ledger(o).orElseThrow();
            assertThat(ledger.seats().taken()).isEqualTo(2);
            assertThat(ledger.seats().left()).isZero();
            assertThat(ledger.seats().waitlistLength()).isEqualTo(2);
            assertThat(ledger.holders()).extracting(SeatLedger.Holder::id)
                    .containsExactlyInAnyOrder(results.get(0).id().value(), results.get(1).id().value());
        });
    }

    @Test
    void replaying_a_key_returns_the_first_answer_and_creates_nothing() {
        OfferingId o = fixture.offering(1, 0);
        TestAccounts.signIn(citizens.get(10));
        String k = key();
        Enrollment first = enrollments.enroll(o, null, k);
        Enrollment again = enrollments.enroll(o, null, k);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(enrollments.myEnrollments()).filteredOn(e -> e.offering().equals(o)).hasSize(1);
        assertThatThrownBy(() -> enrollments.enroll(o, null, key())).isInstanceOfSatisfying(EnrollmentRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(EnrollmentRefusedException.Reason.ALREADY));
        SystemIdentity.run(() -> assertThat(seats.ledger(o).orElseThrow().seats().taken()).isEqualTo(1));
    }

    @RepeatedTest(3)
    void two_hundred_at_once_never_oversell_ten_seats() throws Exception {
        OfferingId o = fixture.offering(10, 10_000);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Enrollment> answers = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(200)) {
            for (BaeumUser citizen : citizens) {
                futures.add(pool.submit(() -> {
                    start.await();
                    TestAccounts.signIn(citizen);
                    answers.add(enrollments.enroll(o, null, key()));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        var byStatus = answers.stream().collect(Collectors.groupingBy(Enrollment::status));
        assertThat(byStatus.get(EnrollmentStatus.ENROLLED)).hasSize(10);
        assertThat(byStatus.get(EnrollmentStatus.WAITLISTED)).hasSize(190);
        assertThat(byStatus.get(EnrollmentStatus.WAITLISTED)).extracting(Enrollment::waitlistPosition)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 190).boxed().toList());
        SystemIdentity.run(() -> {
            var ledger = seats.ledger(o).orElseThrow();
            assertThat(ledger.seats().taken()).isEqualTo(10);
            assertThat(ledger.holders()).hasSize(10);
            assertThat(ledger.holders().stream().map(SeatLedger.Holder::id).collect(Collectors.toSet()))
                    .isEqualTo(byStatus.get(EnrollmentStatus.ENROLLED).stream().map(e -> e.id().value()).collect(Collectors.toSet()));
            // the waitlist order is the order of the positions given
            var desk = enrollmentDesk.desk(o);
            assertThat(desk.waitlist()).extracting(e -> e.positionAtJoin()).isSorted();
        });
    }

    @Test
    void a_citizen_cannot_see_or_cancel_another_households_enrolment() {
        OfferingId o = fixture.offering(3, 0);
        TestAccounts.signIn(citizens.get(20));
        Enrollment mine = enrollments.enroll(o, null, key());
        TestAccounts.signIn(citizens.get(21));
        assertThatThrownBy(() -> enrollments.enrollment(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> enrollments.cancel(mine.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> enrollments.acceptOffer(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> enrollmentDesk.desk(o)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> enrollments.enroll(o, new org.baeum.account.ParticipantId(citizens.get(20).accountId()), key()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(enrollments.myEnrollments()).noneMatch(e -> e.id().equals(mine.id()));
    }

    @Test
    void cancel_offers_the_seat_to_the_first_in_line_who_accepts() {
        OfferingId o = fixture.offering(1, 0);
        TestAccounts.signIn(citizens.get(30));
        Enrollment a = enrollments.enroll(o, null, key());
        TestAccounts.signIn(citizens.get(31));
        Enrollment b = enrollments.enroll(o, null, key());
        TestAccounts.signIn(citizens.get(32));
        Enrollment c = enrollments.enroll(o, null, key());
        assertThat(b.waitlistPosition()).isEqualTo(1);
        TestAccounts.signIn(citizens.get(30));
        assertThat(enrollments.cancel(a.id(), null).status()).isEqualTo(EnrollmentStatus.CANCELLED);
        TestAccounts.signIn(citizens.get(31));
        Enrollment offered = enrollments.enrollment(b.id());
        assertThat(offered.status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(offered.offerExpiresAt()).isAfter(clock.instant());
        TestAccounts.signIn(citizens.get(32));
        assertThat(enrollments.enrollment(c.id()).status()).isEqualTo(EnrollmentStatus.WAITLISTED);
        assertThat(enrollments.enrollment(c.id()).waitlistPosition()).isEqualTo(1);
        TestAccounts.signIn(citizens.get(31));
        assertThat(enrollments.acceptOffer(b.id()).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        SystemIdentity.run(() -> assertThat(seats.ledger(o).orElseThrow().holders()).extracting(SeatLedger.Holder::id)
                .containsExactly(b.id().value()));
    }

    private long enrollmentViewsLogged(String subject) {
        return database.getCollection("access_log").countDocuments(new org.bson.Document("subjectAccountId", subject)
                .append("action", "VIEW_PROFILE").append("detail", "enrolments"));
    }

    @Test
    void staff_opening_a_households_enrolments_is_logged_once_and_refreshing_them_is_not() {
        OfferingId o = fixture.offering(2, 0);
        BaeumUser citizen = citizens.get(40);
        TestAccounts.signIn(citizen);
        Enrollment mine = enrollments.enroll(o, null, key());
        TestAccounts.signIn(accounts.userOrCreate("gaps-staff", org.baeum.base.security.Role.STAFF));
        org.baeum.account.AccountId household = new org.baeum.account.AccountId(citizen.accountId());
        long before = enrollmentViewsLogged(citizen.accountId());

        assertThat(enrollmentDesk.openEnrollmentsOf(household)).extracting(Enrollment::id).containsExactly(mine.id());
        assertThat(enrollmentViewsLogged(citizen.accountId())).isEqualTo(before + 1);
        for (int refresh = 0; refresh < 3; refresh++) {
            assertThat(enrollmentDesk.enrollmentsOf(household)).extracting(Enrollment::id).containsExactly(mine.id());
        }
        assertThat(enrollmentViewsLogged(citizen.accountId())).as("refreshes are not openings").isEqualTo(before + 1);
        enrollmentDesk.openEnrollmentsOf(household);
        assertThat(enrollmentViewsLogged(citizen.accountId())).as("opened again").isEqualTo(before + 2);
    }

    @Test
    void a_households_enrolments_are_refused_for_an_account_that_is_not_a_citizens() {
        BaeumUser staff = accounts.userOrCreate("gaps-staff", org.baeum.base.security.Role.STAFF);
        TestAccounts.signIn(staff);
        for (String id : List.of(staff.accountId(), "no-such-account")) {
            org.baeum.account.AccountId account = new org.baeum.account.AccountId(id);
            assertThatThrownBy(() -> enrollmentDesk.openEnrollmentsOf(account)).as(id)
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not a citizen");
            assertThatThrownBy(() -> enrollmentDesk.enrollmentsOf(account)).as(id)
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not a citizen");
            assertThat(enrollmentViewsLogged(id)).as("nothing was shown, so nothing logged").isZero();
        }
    }
}
