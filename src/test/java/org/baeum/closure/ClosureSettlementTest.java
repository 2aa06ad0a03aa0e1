package org.baeum.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.baeum.enrollment.ClosureRefundOwed;
import org.baeum.enrollment.ClosureRefunds;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.PaymentState;
import org.baeum.enrollment.RefundStep;
import org.baeum.enrollment.internal.ClosureRefundRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a closure settles on the enrolment side (decision 0043): a paid entry's refund is on the desk's list with the
 * closure's reason until STAFF pay it out (once); an unpaid entry owes that much less instead; a moved offer deadline
 * is never later than the offer rules allow before the class's first remaining session.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(PausedClosureJob.class)
class ClosureSettlementTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final long FEE = 30_000;

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
    ClosureRefunds closureRefunds;
    @Autowired
    ClosureRefundRepository refundRecords;
    @Autowired
    MutableClock clock;
    @Autowired
    ClosureParticipants participants;

    static EnrollmentFixture fixture;
    static BaeumUser staff;
    static TestAccounts accounts;

    @BeforeAll
    static void data(@Autowired TestAccounts testAccounts, @Autowired CatalogService catalog, @Autowired MutableClock clock,
                     @Autowired List<org.baeum.base.demo.DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        accounts = testAccounts;
        staff = testAccounts.create("settle-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF);
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    private BaeumUser citizen() {
        return accounts.citizen("settle-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum", "정산시민",
                LocalDate.of(1970, 3, 3));
    }

    private Enrollment enrol(BaeumUser citizen, OfferingId o, boolean pay) {
        TestAccounts.signIn(citizen);
        Enrollment e = enrollments.enroll(o, null, UUID.randomUUID().toString());
        if (pay) {
            TestAccounts.signIn(staff);
            enrollmentDesk.recordPayment(e.id(), PaymentState.PAID, "카드");
        }
        return e;
    }

    /** A room closure with CANCEL for every offering it meets. */
    private ClosureRequest cancelAll(Offering o, LocalDate first, LocalDate last) {
        ClosureRequest bare = new ClosureRequest("main", o.roomId(), null, first, last, null, null, "배관 공사",
                "Pipe works", Map.of());
        Map<String, SessionChoice> all = new HashMap<>();
        desk.preview(bare).sessions().forEach(s -> all.put(s.offeringId(), SessionChoice.CANCEL));
        return new ClosureRequest("main", o.roomId(), null, first, last, null, null, "배관 공사", "Pipe works", all);
    }

    private ClosurePlan applyAll(String planId) {
        for (int i = 0; i < 10; i++) {
            applier.runDue();
            ClosurePlan plan = desk.plan(planId).orElseThrow();
            if (plan.status() != ClosurePlan.Status.APPLYING) {
                return plan;
            }
            clock.advance(Duration.ofMinutes(2));
        }
        throw new AssertionError("plan " + planId + " not applied");
    }

    private static long proRata(long paid, int days, int all) {
        return BigInteger.valueOf(paid).multiply(BigInteger.valueOf(days)).divide(BigInteger.valueOf(all))
                .longValueExact() / 10 * 10;
    }

    @Test
    void a_paid_entry_is_owed_on_the_desk_until_paid_out_once_and_an_unpaid_fee_goes_down_instead() {
        OfferingId id = fixture.offering(5, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        List<LocalDate> days = o.sessionDates();
        Enrollment paid = enrol(citizen(), id, true);
        Enrollment unpaid = enrol(citizen(), id, false);
        TestAccounts.signIn(staff);
        String planId = desk.declare(cancelAll(o, days.get(1), days.get(3))).id();
        applyAll(planId);
        long owed = proRata(FEE, 3, days.size());

        List<ClosureRefundOwed> mine = closureRefunds.owed().stream()
                .filter(r -> r.enrollment().offering().equals(id)).toList();
        assertThat(mine).as("only the paid entry is owed money back").singleElement().satisfies(r -> {
            assertThat(r.enrollment().id()).isEqualTo(paid.id());
            assertThat(r.refund().amount()).isEqualTo(owed);
            assertThat(r.refund().step()).isEqualTo(RefundStep.CENTRE_PRO_RATA_DAYS);
            assertThat(r.refund().dueBy()).isEqualTo(days.get(1).plusDays(5));
            assertThat(r.reason(java.util.Locale.KOREAN)).isEqualTo("배관 공사");
            assertThat(r.reason(java.util.Locale.ENGLISH)).isEqualTo("Pipe works");
            assertThat(r.enrollment().participantName()).as("masked").isNotEqualTo("정산시민");
            assertThat(r.paidOutAt()).isNull();
        });
        assertThat(enrollmentDesk.openEnrollmentsOf(unpaid.household()).stream()
                .filter(e -> e.id().equals(unpaid.id())).findFirst().orElseThrow()).satisfies(e -> {
            assertThat(e.fee().amount()).as("the unpaid fee less the cancelled days' share").isEqualTo(FEE - owed);
            assertThat(e.payment()).isEqualTo(PaymentState.UNPAID);
        });
        assertThat(refundRecords.ofEnrollment(unpaid.id().value())).singleElement()
                .satisfies(r -> assertThat(r.reduction()).isTrue());

        ClosureRefundOwed done = closureRefunds.recordPaidOut(mine.getFirst().id(), "계좌 이체");
        assertThat(done.paidOutAt()).isNotNull().isBeforeOrEqualTo(clock.instant());
        assertThat(closureRefunds.owed()).noneMatch(r -> r.id().equals(done.id()));
        assertThatThrownBy(() -> closureRefunds.recordPaidOut(done.id(), null)).as("paid out once")
                .isInstanceOfSatisfying(EnrollmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnrollmentRefusedException.Reason.WRONG_STATE));
        assertThat(refundRecords.ofEnrollment(paid.id().value())).singleElement().satisfies(r -> {
            assertThat(r.paidOutBy()).isEqualTo(staff.accountId());
            assertThat(r.note()).isEqualTo("계좌 이체");
        });

        // settling again, as a rerun of the apply step does, changes nothing: the fee went down once, owed once
        List<LocalDate> cancelled = days.subList(1, 4);
        assertThat(participants.settle(planId, "배관 공사", "Pipe works", unpaid.id().value(), days, cancelled))
                .isEqualTo(new ClosureParticipants.Settlement(0, owed));
        assertThat(participants.settle(planId, "배관 공사", "Pipe works", paid.id().value(), days, cancelled))
                .isEqualTo(new ClosureParticipants.Settlement(owed, 0));
        assertThat(enrollmentDesk.enrollmentsOf(unpaid.household()).stream()
                .filter(e -> e.id().equals(unpaid.id())).findFirst().orElseThrow().fee().amount()).isEqualTo(FEE - owed);
        assertThat(refundRecords.ofEnrollment(unpaid.id().value())).hasSize(1);
        assertThat(refundRecords.ofEnrollment(paid.id().value())).singleElement()
                .satisfies(r -> assertThat(r.refund().paidOutAt()).as("still paid out").isNotNull());
    }

    @Test
    void a_citizen_cannot_see_or_pay_out_closure_refunds() {
        TestAccounts.signIn(citizen());
        assertThatThrownBy(() -> closureRefunds.owed())
                .isExactlyInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
        assertThatThrownBy(() -> closureRefunds.recordPaidOut("closure:x:y", null))
                .isExactlyInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    @Test
    void a_moved_offer_deadline_is_capped_by_the_offer_rules_before_the_first_remaining_session() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), SEOUL);
        LocalDateTime late = now.toLocalDate().atTime(23, 0);
        clock.advance(Duration.between(now, late.isAfter(now) ? late : late.plusDays(1)));
        OfferingId id = fixture.offering(1, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        BaeumUser first = citizen();
        BaeumUser second = citizen();
        Enrollment seat = enrol(first, id, false);
        TestAccounts.signIn(second);
        Enrollment waiting = enrollments.enroll(id, null, UUID.randomUUID().toString());
        TestAccounts.signIn(first);
        enrollments.cancel(seat.id(), null);
        TestAccounts.signIn(second);
        Instant deadline = enrollments.enrollment(waiting.id()).offerExpiresAt();
        assertThat(LocalDateTime.ofInstant(deadline, SEOUL).getHour()).as("offered at 23:00 for a day").isEqualTo(23);

        // closed from the deadline's day through the first class day: moved "after the closure" would be 23:00 on
        // the second class day, after that class starts; the rules allow until 2 hours before it starts
        LocalDate firstClass = o.sessionDates().getFirst();
        TestAccounts.signIn(staff);
        ClosureRequest request = cancelAll(o, LocalDate.ofInstant(deadline, SEOUL), firstClass);
        Instant limit = o.sessionDates().get(1).atTime(o.schedule().startTime()).atZone(SEOUL).toInstant()
                .minus(Duration.ofHours(2));
        assertThat(desk.preview(request).offers()).filteredOn(h -> h.enrollmentId().equals(waiting.id().value()))
                .singleElement().satisfies(h -> {
                    assertThat(h.deadline()).isEqualTo(deadline);
                    assertThat(h.newDeadline()).isEqualTo(limit).isAfter(deadline);
                });

        applyAll(desk.declare(request).id());
        TestAccounts.signIn(second);
        assertThat(enrollments.enrollment(waiting.id()).offerExpiresAt()).isEqualTo(limit);
    }
}
