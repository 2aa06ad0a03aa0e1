package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each ending of a paid enrolment records the statutory refund (평생교육법 시행령 별표 3): its amount, the step that
 * gave it and its due date, shown to the citizen and in the mail, owed on the desk until staff record it as paid.
 */
@BaeumIntegrationTest
class RefundsOnEndingTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final long FEE = 30_000;

    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    EnrollmentDesk desk;
    @Autowired
    OfferingRulesDesk offeringRules;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    Mailbox mailbox;

    static EnrollmentFixture fixture;
    static BaeumUser staff;
    static TestAccounts testAccounts;

    @BeforeAll
    static void accounts(@Autowired TestAccounts accounts, @Autowired CatalogService catalog, @Autowired MutableClock clock,
                         @Autowired List<org.baeum.base.demo.DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        testAccounts = accounts;
        staff = accounts.create("refund-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF);
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    private BaeumUser citizen() {
        return testAccounts.citizen("refund-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum", "환불시민",
                LocalDate.of(1970, 7, 7));
    }

    /** The citizen enrols in {@code o}, and staff record the fee as paid. */
    private Enrollment paid(BaeumUser citizen, OfferingId o) {
        TestAccounts.signIn(citizen);
        Enrollment e = enrollments.enroll(o, null, UUID.randomUUID().toString());
        TestAccounts.signIn(staff);
        desk.recordPayment(e.id(), PaymentState.PAID, "카드");
        return e;
    }

    private void moveClockTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    private static Instant start(Offering o, int session) {
        return LocalDateTime.of(o.sessionDates().get(session), o.schedule().startTime()).atZone(SEOUL).toInstant();
    }

    @Test
    void before_the_start_everything_comes_back_within_5_days_and_the_desk_owes_it_until_it_is_paid_out() {
        OfferingId o = fixture.offering(5, FEE);
        BaeumUser citizen = citizen();
        Enrollment e = paid(citizen, o);
        TestAccounts.signIn(citizen);
        assertThat(enrollments.refundIfCancelledNow(e.id())).hasValueSatisfying(r -> {
            assertThat(r.amount()).isEqualTo(FEE);
            assertThat(r.step()).isEqualTo(RefundStep.BEFORE_START_ALL);
        });

        Enrollment cancelled = enrollments.cancel(e.id(), null);

        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        assertThat(cancelled.refundAmount()).isEqualTo(FEE);
        assertThat(cancelled.refund().refund().step()).isEqualTo(RefundStep.BEFORE_START_ALL);
        assertThat(cancelled.refund().refund().dueBy()).isEqualTo(today.plusDays(5));
        assertThat(cancelled.refund().outstanding()).isTrue();
        // the enrolment mail and this one may leave in the same delivery run: find this one by what it is about
        assertThat(mailbox.to(citizen.getUsername())).filteredOn(m -> m.textBody().contains("수업 시작 전: 전액 반환"))
                .singleElement().satisfies(m -> assertThat(m.textBody()).contains("30,000").contains("수업 시작 전: 전액 반환"));

        TestAccounts.signIn(staff);
        assertThat(desk.refundsOwed()).anySatisfy(owed -> {
            assertThat(owed.id()).isEqualTo(e.id());
            assertThat(owed.participantName()).as("masked on the desk").isNotEqualTo(citizen.displayName());
        });
        Enrollment paidOut = desk.recordRefundPaidOut(e.id(), "계좌 이체");
        assertThat(paidOut.refund().paidOutAt()).isNotNull()
                .isBetween(clock.instant().minusSeconds(5), clock.instant().plusSeconds(1));
        assertThat(desk.refundsOwed()).noneMatch(owed -> owed.id().equals(e.id()));
        assertThatThrownBy(() -> desk.recordRefundPaidOut(e.id(), null)).isInstanceOfSatisfying(
                EnrollmentRefusedException.class, r -> assertThat(r.reason()).isEqualTo(EnrollmentRefusedException.Reason.WRONG_STATE));
    }

    @Test
    void after_the_first_of_seven_sessions_two_thirds_come_back_by_period_and_six_sevenths_by_sessions() {
        OfferingId byPeriod = fixture.offering(5, FEE);
        OfferingId bySessions = fixture.offering(5, FEE);
        TestAccounts.signIn(staff);
        offeringRules.saveRules(bySessions, new OfferingRules(Duration.ofHours(24), null, RefundBasis.SESSIONS));
        Enrollment a = paid(citizen(), byPeriod);
        Enrollment b = paid(citizen(), bySessions);
        Offering period = catalog.offering(byPeriod).orElseThrow();
        Offering sessions = catalog.offering(bySessions).orElseThrow();
        int total = sessions.sessionDates().size();
        moveClockTo(start(period, 1).isAfter(start(sessions, 1)) ? start(sessions, 1).minusSeconds(60)
                : start(period, 1).minusSeconds(60)); // the first sessions of both are held, the second of neither

        TestAccounts.signIn(staff); // only staff cancel once the class has started
        Enrollment quitPeriod = enrollments.cancel(a.id(), "이사");
        Enrollment quitSessions = enrollments.cancel(b.id(), "이사");

        assertThat(quitPeriod.refund().refund().step()).isEqualTo(RefundStep.BEFORE_THIRD_TWO_THIRDS);
        assertThat(quitPeriod.refundAmount()).isEqualTo(20_000);
        assertThat(quitSessions.refund().refund().step()).isEqualTo(RefundStep.REMAINING_SESSIONS);
        assertThat(quitSessions.refundAmount()).isEqualTo(FEE * (total - 1) / total / 10 * 10);
    }

    @Test
    void when_the_centre_cancels_the_class_midway_the_days_not_given_come_back_and_every_entry_ends() {
        OfferingId o = fixture.offering(1, FEE);
        BaeumUser enrolled = citizen();
        BaeumUser waiting = citizen();
        Enrollment e = paid(enrolled, o);
        TestAccounts.signIn(waiting);
        Enrollment w = enrollments.enroll(o, null, UUID.randomUUID().toString());
        assertThat(w.status()).isEqualTo(EnrollmentStatus.WAITLISTED);
        Offering offering = catalog.offering(o).orElseThrow();
        List<LocalDate> days = offering.sessionDates();
        LocalDate third = days.get(2);
        moveClockTo(third.atTime(0, 30).atZone(SEOUL).toInstant());

        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> catalog.cancel(o, " ")).isInstanceOf(org.baeum.catalog.CatalogValidationException.class);
        catalog.cancel(o, "강사 사정");

        Enrollment ended = enrollments.enrollment(e.id());
        long notGiven = days.stream().filter(d -> !d.isBefore(third)).count();
        assertThat(ended.status()).isEqualTo(EnrollmentStatus.CANCELLED);
        assertThat(ended.endReason()).isEqualTo("enrollment.reason.centreCancelled");
        assertThat(ended.refund().refund().step()).isEqualTo(RefundStep.CENTRE_PRO_RATA_DAYS);
        assertThat(ended.refundAmount()).isEqualTo(FEE * notGiven / days.size() / 10 * 10);
        assertThat(ended.refund().refund().dueBy()).isEqualTo(third.plusDays(5));
        assertThat(enrollments.enrollment(w.id()).status()).isEqualTo(EnrollmentStatus.LEFT);
        assertThat(mailbox.newestTo(waiting.getUsername()).orElseThrow().textBody()).contains("강사 사정");
    }
}
