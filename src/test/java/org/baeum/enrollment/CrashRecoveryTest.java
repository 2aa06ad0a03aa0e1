package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.baeum.enrollment.internal.CrashPoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A crash after each step of enrolling, cancelling and offering, then the recovery sweep: every taken seat has an
 * entry that holds it, every entry that holds a seat has one, and the waitlist still gets freed seats in order.
 */
@BaeumIntegrationTest
class CrashRecoveryTest {

    @Autowired
    CitizenEnrollments enrollments;

    @Autowired
    EnrollmentDesk enrollmentDesk;

    @Autowired
    EnrollmentSweep sweep;
    @Autowired
    SeatLedger seats;
    @Autowired
    MutableClock clock;
    @Autowired
    CrashPoints crash;
    @Autowired
    org.baeum.Mailbox mailbox;
    @Autowired
    CatalogService catalog;
    @Autowired
    TestAccounts testAccounts;

    static EnrollmentFixture fixture;
    static final List<BaeumUser> citizens = new ArrayList<>();

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        citizens.addAll(accounts.citizens("crash", "장애", 4, LocalDate.of(1990, 1, 1)));
    }

    @AfterEach
    void reset() {
        crash.crashAfter(null);
        TestAccounts.signOut();
        clock.reset();
    }

    private Enrollment enroll(int citizen, OfferingId o) {
        TestAccounts.signIn(citizens.get(citizen));
        return enrollments.enroll(o, null, UUID.randomUUID().toString());
    }

    private void recoverLater() {
        crash.crashAfter(null);
        clock.advance(Duration.ofMinutes(3));
        SystemIdentity.run(() -> { // what the enrollment job does every 30 s
            sweep.runDueWork("test");
            sweep.recover();
        });
    }

    /** Seats taken = holders = entries holding a seat, and the waitlist has no one waiting while a seat is free. */
    private void assertInvariants(OfferingId o) {
        SystemIdentity.run(() -> {
            SeatLedger.Ledger ledger = seats.ledger(o).orElseThrow();
            var desk = enrollmentDesk.desk(o);
            Set<String> holding = new java.util.HashSet<>();
            desk.enrolled().forEach(e -> holding.add(e.id().value()));
            desk.offers().forEach(e -> holding.add(e.id().value()));
            assertThat(ledger.holders().stream().map(SeatLedger.Holder::id).collect(Collectors.toSet())).isEqualTo(holding);
            assertThat(ledger.seats().taken()).isEqualTo(holding.size());
            assertThat(ledger.seats().taken() + ledger.seats().left()).isEqualTo(ledger.seats().capacity());
            if (ledger.seats().left() > 0) {
                assertThat(desk.waitlist()).as("a free seat while people wait").isEmpty();
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = CrashPoints.Step.class, names = {"SEAT_TAKEN", "RECORD_WRITTEN", "MAIL_QUEUED"})
    void a_crash_while_enrolling_is_completed_or_undone(CrashPoints.Step step) {
        OfferingId o = fixture.offering(1, 10_000);
        crash.crashAfter(s -> s == step);
        TestAccounts.signIn(citizens.get(0));
        assertThatThrownBy(() -> enrollments.enroll(o, null, "crash-key-" + step)).isInstanceOf(CrashPoints.Crash.class);
        recoverLater();
        assertInvariants(o);
        // the citizen tries again (same key): a finished enrolment answers as before, an undone one enrols now
        Enrollment again = enrollments.enroll(o, null, "crash-key-" + step);
        assertThat(again.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertInvariants(o);
    }

    @ParameterizedTest
    @EnumSource(value = CrashPoints.Step.class, names = {"RECORD_WRITTEN", "MAIL_QUEUED", "SEAT_RELEASED"})
    void a_crash_while_cancelling_gives_the_seat_to_the_waitlist(CrashPoints.Step step) {
        OfferingId o = fixture.offering(1, 0);
        Enrollment a = enroll(0, o);
        Enrollment b = enroll(1, o);
        long mailedBefore = cancellationMails(0);
        crash.crashAfter(s -> s == step);
        TestAccounts.signIn(citizens.get(0));
        assertThatThrownBy(() -> enrollments.cancel(a.id(), null)).isInstanceOf(CrashPoints.Crash.class);
        recoverLater();
        assertInvariants(o);
        TestAccounts.signIn(citizens.get(1));
        assertThat(enrollments.enrollment(b.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(cancellationMails(0)).as("the cancellation is mailed exactly once, crash or not").isEqualTo(mailedBefore + 1);
    }

    @org.junit.jupiter.api.Test
    void an_ending_without_a_crash_leaves_no_recovery_task_behind() {
        OfferingId o = fixture.offering(1, 0);
        Enrollment a = enroll(3, o);
        long before = SystemIdentity.call(() -> sweep.pendingTasks());
        long mailedBefore = cancellationMails(3);
        TestAccounts.signIn(citizens.get(3));
        enrollments.cancel(a.id(), null);
        SystemIdentity.run(() -> assertThat(sweep.pendingTasks()).isEqualTo(before));
        assertThat(cancellationMails(3)).isEqualTo(mailedBefore + 1);
        assertInvariants(o);
    }

    private long cancellationMails(int citizen) {
        return mailbox.to("crash" + citizen + "@test.baeum").stream()
                .filter(m -> m.subject().contains("취소되었습니다")).count();
    }

    @ParameterizedTest
    @EnumSource(value = CrashPoints.Step.class, names = {"SEAT_TAKEN", "RECORD_WRITTEN", "MAIL_QUEUED"})
    void a_crash_while_offering_still_offers_the_first_in_line_exactly_once(CrashPoints.Step step) {
        OfferingId o = fixture.offering(1, 0);
        Enrollment a = enroll(0, o);
        Enrollment b = enroll(1, o);
        Enrollment c = enroll(2, o);
        TestAccounts.signIn(citizens.get(0));
        // the cancellation itself completes; the crash hits the offer to b (the first step after the seat release)
        crash.crashAfter(new java.util.function.Predicate<>() {
            boolean released;
            boolean cancellationMailed;

            @Override
            public boolean test(CrashPoints.Step s) {
                if (s == CrashPoints.Step.SEAT_RELEASED) {
                    released = true;
                    return false;
                }
                if (released && !cancellationMailed && s == CrashPoints.Step.MAIL_QUEUED) {
                    cancellationMailed = true; // the cancellation's own mail, before the seat is offered
                    return false;
                }
                return cancellationMailed && s == step;
            }
        });
        assertThatThrownBy(() -> enrollments.cancel(a.id(), null)).isInstanceOf(CrashPoints.Crash.class);
        recoverLater();
        assertInvariants(o);
        TestAccounts.signIn(citizens.get(1));
        Enrollment offered = enrollments.enrollment(b.id());
        assertThat(offered.status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(offered.history()).extracting(HistoryItem::what).containsOnlyOnce("OFFERED");
        TestAccounts.signIn(citizens.get(2));
        assertThat(enrollments.enrollment(c.id()).status()).isEqualTo(EnrollmentStatus.WAITLISTED);
    }

    @Test
    void a_class_cancellation_cut_off_by_a_crash_is_finished_by_its_task_with_the_same_day_and_reason() {
        OfferingId o = fixture.offering(3, 0);
        Enrollment a = enroll(0, o);
        Enrollment b = enroll(1, o);
        Enrollment c = enroll(2, o);
        BaeumUser staff = testAccounts.userOrCreate("crash-staff", org.baeum.base.security.Role.STAFF);
        TestAccounts.signIn(staff);
        crash.crashAfter(step -> step == CrashPoints.Step.RECORD_WRITTEN); // the first ending's record, then down

        assertThatThrownBy(() -> catalog.cancel(o, "수영장 보수 공사")).isInstanceOf(CrashPoints.Crash.class);
        long stillActive = java.util.stream.Stream.of(a, b, c)
                .filter(e -> SystemIdentity.call(() -> enrollments.enrollment(e.id())).status().active()).count();
        assertThat(stillActive).as("the crash left entries active in a cancelled class").isGreaterThan(0);

        recoverLater();

        for (Enrollment e : List.of(a, b, c)) {
            Enrollment now = SystemIdentity.call(() -> enrollments.enrollment(e.id()));
            assertThat(now.status()).as(e.id().value()).isEqualTo(EnrollmentStatus.CANCELLED);
            assertThat(now.endReason()).isEqualTo("enrollment.reason.centreCancelled");
        }
        assertInvariants(o);
        assertThat(mailbox.to(citizens.get(2).getUsername())).as("the cancellation mail carries the staff's reason")
                .anySatisfy(m -> assertThat(m.textBody()).contains("수영장 보수 공사").contains("폐강"));
    }
}
