package org.baeum.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.closure.internal.ClosureApplier;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.PaymentState;
import org.baeum.enrollment.internal.ClosureRefundRepository;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.enrollment.internal.Refunds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A closure's refund leaves less of the fee for what follows (decision 0046): the ending's refund and a later
 * closure's share are of what the fee still buys (paid less closure refunds) over the days left, and an unpaid entry
 * whose fee was lowered comes out the same as one that paid and was refunded.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(PausedClosureJob.class)
class ClosureRefundShareTest {

    static final long FEE = 70_000; // seven class days: 10,000 won a day

    @Autowired
    ClosureDesk desk;
    @Autowired
    ClosureApplier applier;
    @Autowired
    CatalogService catalog;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    EnrollmentDesk enrollmentDesk;
    @Autowired
    EnrollmentRepository entries;
    @Autowired
    ClosureRefundRepository records;
    @Autowired
    Refunds refunds;
    @Autowired
    MutableClock clock;

    static EnrollmentFixture fixture;
    static BaeumUser staff;
    static TestAccounts accounts;

    @BeforeAll
    static void data(@Autowired TestAccounts testAccounts, @Autowired CatalogService catalog, @Autowired MutableClock clock,
                     @Autowired List<org.baeum.base.demo.DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        accounts = testAccounts;
        staff = testAccounts.create("share-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF);
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    private Enrollment enrol(OfferingId o) {
        TestAccounts.signIn(accounts.citizen("share-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum",
                "몫시민", LocalDate.of(1970, 3, 3)));
        return enrollments.enroll(o, null, UUID.randomUUID().toString());
    }

    private void pay(Enrollment e, long amount) {
        TestAccounts.signIn(staff);
        enrollmentDesk.recordPayment(e.id(), PaymentState.PAID, "카드");
    }

    private void close(Offering o, LocalDate first, LocalDate last) {
        TestAccounts.signIn(staff);
        ClosureRequest bare = new ClosureRequest("main", o.roomId(), null, first, last, null, null, "공사", "Works",
                Map.of());
        Map<String, SessionChoice> all = new HashMap<>();
        desk.preview(bare).sessions().forEach(s -> all.put(s.offeringId(), SessionChoice.CANCEL));
        String plan = desk.declare(new ClosureRequest("main", o.roomId(), null, first, last, null, null, "공사",
                "Works", all)).id();
        for (int i = 0; i < 10 && desk.plan(plan).orElseThrow().status() == ClosurePlan.Status.APPLYING; i++) {
            applier.runDue();
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(desk.plan(plan).orElseThrow().status()).isEqualTo(ClosurePlan.Status.APPLIED);
    }

    private long recorded(Enrollment e) {
        return records.ofEnrollment(e.id().value()).stream().mapToLong(r -> r.refund().amount()).sum();
    }

    /** The refund if the learner quit just after the first class day left ended (1 of 5 held: two thirds back). */
    private long quitAfterFirst(Enrollment e, OfferingId id) {
        Offering o = catalog.offering(id).orElseThrow();
        Instant at = o.sessionDates().getFirst().atTime(o.schedule().endTime()).atZone(ClosureSettlementTest.SEOUL)
                .toInstant().plusSeconds(60);
        return refunds.quote(entries.findById(e.id().value()).orElseThrow(), o, at).orElseThrow().amount();
    }

    @Test
    void the_ending_and_a_second_closure_share_what_the_fee_still_buys_paid_or_not() {
        OfferingId id = fixture.offering(5, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        List<LocalDate> days = o.sessionDates();
        int n = days.size(); // 7, or 6 when a day off falls in the week
        assertThat(n).isBetween(6, 7);
        Enrollment paid = enrol(id);
        pay(paid, FEE);
        Enrollment unpaid = enrol(id);

        close(o, days.get(1), days.get(2));
        long first = FEE * 2 / n / 10 * 10; // 7 days: 20,000
        long left = FEE - first;            // 7 days: 50,000
        assertThat(recorded(paid)).as("2 of the class days of the whole fee").isEqualTo(first);
        assertThat(entries.findById(unpaid.id().value()).orElseThrow().amount()).isEqualTo(left);
        long quit = left * 2 / 3 / 10 * 10; // 7 days: 33,330, not 46,660 (two thirds of 70,000)
        assertThat(quitAfterFirst(paid, id)).as("two thirds of what is left, not of the whole fee").isEqualTo(quit);
        pay(unpaid, left);
        assertThat(quitAfterFirst(unpaid, id)).as("the same as the one refunded").isEqualTo(quit);

        close(o, days.get(4), days.get(4));
        long second = left / (n - 2) / 10 * 10; // 7 days: 10,000, not 14,000 (70,000 / 5)
        assertThat(recorded(paid)).as("then 1 of the days left, of what is left").isEqualTo(first + second);
        assertThat(recorded(unpaid)).as("reduced first, then paid: refunded the same").isEqualTo(first + second);
    }
}
