package org.baeum.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.closure.ClosureParticipants.Settlement;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.PaymentState;
import org.baeum.enrollment.internal.ClosureRefundRepository;
import org.baeum.enrollment.internal.CrashPoints;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Settling a closure for one entry twice, or again after a crash between its steps (record, reduce, waive), changes
 * the fee once (decisions 0043, 0046): the rerun is {@link ClosureParticipants#settle} called for real, as the apply
 * job does after a crash; an entry paid between the record and the reduction is owed the share back instead.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(PausedClosureJob.class)
class ClosureSettleRerunTest {

    static final long FEE = 30_000;

    @Autowired
    ClosureParticipants participants;
    @Autowired
    CrashPoints crash;
    @Autowired
    CatalogService catalog;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    EnrollmentDesk desk;
    @Autowired
    EnrollmentRepository entries;
    @Autowired
    ClosureRefundRepository records;

    static EnrollmentFixture fixture;
    static BaeumUser staff;
    static TestAccounts accounts;

    @BeforeAll
    static void data(@Autowired TestAccounts testAccounts, @Autowired CatalogService catalog, @Autowired MutableClock clock,
                     @Autowired List<org.baeum.base.demo.DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        accounts = testAccounts;
        staff = testAccounts.create("rerun-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF);
    }

    @AfterEach
    void reset() {
        crash.crashAfter(null);
        TestAccounts.signOut();
    }

    private record Entry(String id, List<LocalDate> days) {
    }

    private Entry unpaid() {
        OfferingId o = fixture.offering(3, FEE);
        TestAccounts.signIn(accounts.citizen("rerun-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum",
                "재실행", LocalDate.of(1970, 3, 3)));
        Enrollment e = enrollments.enroll(o, null, UUID.randomUUID().toString());
        TestAccounts.signOut();
        return new Entry(e.id().value(), catalog.offering(o).orElseThrow().sessionDates());
    }

    private Settlement settle(String plan, Entry e, List<LocalDate> cancelled) {
        return participants.settle(plan, "공사", "Works", e.id(), e.days(), cancelled);
    }

    private EnrollmentDocument stored(Entry e) {
        return entries.findById(e.id()).orElseThrow();
    }

    private static String plan() {
        return "rerun-" + UUID.randomUUID();
    }

    @Test
    void settling_twice_reduces_the_unpaid_fee_once() {
        Entry e = unpaid();
        String plan = plan();
        List<LocalDate> cancelled = e.days().subList(1, 3);
        Settlement first = settle(plan, e, cancelled);
        assertThat(first.feeReduction()).isPositive();
        assertThat(first.refund()).isZero();

        assertThat(settle(plan, e, cancelled)).isEqualTo(first);
        assertThat(stored(e).amount()).isEqualTo(FEE - first.feeReduction());
        assertThat(stored(e).payment()).isEqualTo(PaymentState.UNPAID);
        assertThat(records.ofEnrollment(e.id())).singleElement().satisfies(r -> assertThat(r.reduction()).isTrue());
    }

    @Test
    void a_crash_between_recording_and_reducing_reduces_once_on_the_rerun() {
        Entry e = unpaid();
        String plan = plan();
        List<LocalDate> cancelled = e.days().subList(1, 3);
        crash.crashAfter(step -> step == CrashPoints.Step.CLOSURE_RECORDED);
        assertThatThrownBy(() -> settle(plan, e, cancelled)).isInstanceOf(CrashPoints.Crash.class);
        assertThat(records.ofEnrollment(e.id())).hasSize(1);
        assertThat(stored(e).amount()).as("recorded, not reduced yet").isEqualTo(FEE);
        crash.crashAfter(null);

        Settlement rerun = settle(plan, e, cancelled);
        assertThat(settle(plan, e, cancelled)).isEqualTo(rerun);
        assertThat(stored(e).amount()).isEqualTo(FEE - rerun.feeReduction()).isLessThan(FEE);
        assertThat(stored(e).history()).filteredOn(h -> h.what().equals("CLOSURE_FEE_REDUCED")).hasSize(1);
    }

    @Test
    void an_entry_paid_between_recording_and_reducing_is_owed_the_share_back_instead() {
        Entry e = unpaid();
        String plan = plan();
        List<LocalDate> cancelled = e.days().subList(1, 3);
        crash.crashAfter(step -> step == CrashPoints.Step.CLOSURE_RECORDED);
        assertThatThrownBy(() -> settle(plan, e, cancelled)).isInstanceOf(CrashPoints.Crash.class);
        crash.crashAfter(null);
        TestAccounts.signIn(staff);
        desk.recordPayment(new org.baeum.enrollment.EnrollmentId(e.id()), PaymentState.PAID, "카드", FEE);

        Settlement rerun = settle(plan, e, cancelled);
        assertThat(rerun.refund()).isPositive();
        assertThat(rerun.feeReduction()).isZero();
        assertThat(settle(plan, e, cancelled)).isEqualTo(rerun);
        assertThat(stored(e).amount()).as("paid in full, nothing taken off").isEqualTo(FEE);
        assertThat(stored(e).payment()).isEqualTo(PaymentState.PAID);
        assertThat(records.ofEnrollment(e.id())).singleElement().satisfies(r -> {
            assertThat(r.reduction()).isFalse();
            assertThat(r.refund().amount()).isEqualTo(rerun.refund());
        });
    }

    @Test
    void a_crash_after_the_fee_reached_0_still_waives_it_on_the_rerun() {
        Entry e = unpaid();
        String plan = plan();
        crash.crashAfter(step -> step == CrashPoints.Step.FEE_REDUCED);
        assertThatThrownBy(() -> settle(plan, e, e.days())).as("every class day cancelled")
                .isInstanceOf(CrashPoints.Crash.class);
        assertThat(stored(e).amount()).isZero();
        assertThat(stored(e).payment()).as("not waived yet").isEqualTo(PaymentState.UNPAID);
        crash.crashAfter(null);

        assertThat(settle(plan, e, e.days())).isEqualTo(new Settlement(0, FEE));
        assertThat(stored(e).payment()).as("never released as unpaid").isEqualTo(PaymentState.WAIVED);
        assertThat(stored(e).amount()).isZero();
    }

    @Test
    void the_closure_job_is_paused_while_such_a_class_runs(@Autowired org.quartz.Scheduler scheduler) throws Exception {
        assertThat(scheduler.getTriggersOfJob(org.baeum.closure.internal.ClosureJob.KEY)).isNotEmpty()
                .allSatisfy(t -> assertThat(scheduler.getTriggerState(t.getKey()))
                        .isEqualTo(org.quartz.Trigger.TriggerState.PAUSED));
    }
}
