package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.EligibilityService;
import org.baeum.account.ParticipantId;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Offers, their deadlines, declines, leaving, staff moves, capacity raises and payment deadlines, with a moved clock. */
@BaeumIntegrationTest
class WaitlistLifecycleTest {

    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    org.baeum.enrollment.internal.EnrollmentRepository entries;

    @Autowired
    CapRules capRules;

    @Autowired
    EnrollmentDesk enrollmentDesk;

    @Autowired
    OfferingRulesDesk offeringRules;

    @Autowired
    EnrollmentSweep sweep;
    @Autowired
    CatalogService catalog;
    @Autowired
    SeatLedger seats;
    @Autowired
    MutableClock clock;
    @Autowired
    Mailbox mailbox;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    org.baeum.base.security.SignedLinks links;
    @Autowired
    org.baeum.account.AccountService accountService;
    @Autowired
    CatalogService catalogService;

    static EnrollmentFixture fixture;
    static final List<BaeumUser> citizens = new ArrayList<>();
    static BaeumUser staff;

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        citizens.addAll(accounts.citizens("wait", "대기", 6, LocalDate.of(1985, 3, 1)));
        citizens.add(accounts.citizen("elder@test.baeum", "어르신", LocalDate.of(1950, 5, 5)));
        // 7, 8, 9: for one test each, so that the newest mail to them is that test's
        citizens.addAll(accounts.citizens("clock", "시계", 3, LocalDate.of(1975, 7, 1)));
        // 10, 11: each with a fee-reduction claim of their own
        citizens.addAll(accounts.citizens("fee", "감면", 2, LocalDate.of(1978, 2, 1)));
        citizens.add(accounts.citizen("withdrawn@test.baeum", "제안취소", LocalDate.of(1979, 4, 1))); // 12
        citizens.add(accounts.citizen("declined@test.baeum", "사양", LocalDate.of(1979, 4, 2))); // 13, reads English
        // 14, 15, 16: the lapsed offer
        citizens.addAll(accounts.citizens("lapse", "기한", 3, LocalDate.of(1977, 9, 1)));
        staff = accounts.create("desk-staff", org.baeum.base.security.Role.STAFF);
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    private Enrollment enroll(int citizen, OfferingId o) {
        TestAccounts.signIn(citizens.get(citizen));
        return enrollments.enroll(o, null, UUID.randomUUID().toString());
    }

    private Enrollment as(int citizen, EnrollmentId id) {
        TestAccounts.signIn(citizens.get(citizen));
        return enrollments.enrollment(id);
    }

    private void runJobs() {
        SystemIdentity.run(() -> {
            sweep.runDueWork("test");
            sweep.recover();
        });
    }

    @Test
    void an_offer_that_runs_out_goes_to_the_next_who_accepts() {
        OfferingId o = fixture.offering(1, 20_000);
        Enrollment a = enroll(0, o);
        Enrollment b = enroll(1, o);
        Enrollment c = enroll(2, o);
        TestAccounts.signIn(citizens.get(0));
        enrollments.cancel(a.id(), null);
        Enrollment offeredB = as(1, b.id());
        assertThat(offeredB.status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(offeredB.offerExpiresAt()).isCloseTo(clock.instant().plus(Duration.ofHours(24)),
                org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
        mailbox.flush();
        assertThat(mailbox.newestTo("wait1@test.baeum")).isPresent();

        clock.advance(Duration.ofHours(23));
        runJobs();
        assertThat(as(1, b.id()).status()).as("not yet").isEqualTo(EnrollmentStatus.OFFERED);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        runJobs();
        assertThat(as(1, b.id()).status()).isEqualTo(EnrollmentStatus.EXPIRED);
        Enrollment offeredC = as(2, c.id());
        assertThat(offeredC.status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(enrollments.acceptOffer(c.id()).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        TestAccounts.signIn(citizens.get(1));
        assertThatThrownBy(() -> enrollments.acceptOffer(b.id())).isInstanceOf(EnrollmentRefusedException.class);
        SystemIdentity.run(() -> assertThat(seats.ledger(o).orElseThrow().holders()).extracting(SeatLedger.Holder::id)
                .containsExactly(c.id().value()));
    }

    @Test
    void decline_and_leave_pass_the_seat_on_in_order_and_nobody_is_offered_twice() {
        OfferingId o = fixture.offering(1, 0);
        Enrollment a = enroll(0, o);
        Enrollment b = enroll(1, o);
        Enrollment c = enroll(2, o);
        Enrollment d = enroll(3, o);
        TestAccounts.signIn(citizens.get(2));
        assertThat(enrollments.cancel(c.id(), null).status()).as("c leaves the line").isEqualTo(EnrollmentStatus.LEFT);
        assertThat(as(3, d.id()).waitlistPosition()).isEqualTo(2);
        TestAccounts.signIn(citizens.get(0));
        enrollments.cancel(a.id(), null);
        assertThat(as(1, b.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(enrollments.declineOffer(b.id()).status()).isEqualTo(EnrollmentStatus.DECLINED);
        assertThat(as(3, d.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(as(2, c.id()).status()).isEqualTo(EnrollmentStatus.LEFT);
        TestAccounts.signIn(citizens.get(1));
        assertThat(enrollments.enrollment(b.id()).history()).extracting(HistoryItem::what)
                .containsExactly("WAITLISTED", "OFFERED", "DECLINED");
    }

    @Test
    void staff_move_an_entry_with_a_reason_and_a_capacity_raise_offers_seats_in_order() {
        OfferingId o = fixture.offering(1, 0);
        enroll(0, o);
        Enrollment b = enroll(1, o);
        Enrollment c = enroll(2, o);
        Enrollment d = enroll(3, o);
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> enrollmentDesk.moveInWaitlist(d.id(), 1, " ")).isInstanceOf(EnrollmentRefusedException.class);
        enrollmentDesk.moveInWaitlist(d.id(), 1, "장애인 우선 배려");
        assertThat(enrollmentDesk.desk(o).waitlist()).extracting(Enrollment::id).containsExactly(d.id(), b.id(), c.id());
        catalog.changeCapacity(o, 3);
        assertThat(as(3, d.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(as(1, b.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(as(2, c.id()).status()).as("only two seats were added").isEqualTo(EnrollmentStatus.WAITLISTED);
        TestAccounts.signIn(citizens.get(3));
        assertThat(enrollments.enrollment(d.id()).history()).anySatisfy(h -> {
            assertThat(h.what()).isEqualTo("MOVED");
            assertThat(h.note()).contains("장애인 우선 배려");
        });
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> catalog.changeCapacity(o, 2)).as("below the seats taken")
                .isInstanceOf(org.baeum.catalog.CatalogValidationException.class);
    }

    @Test
    void unpaid_enrolments_are_released_at_the_payment_deadline_and_paid_ones_stay() {
        OfferingId o = fixture.offering(2, 30_000);
        Enrollment paid = enroll(4, o);
        Enrollment unpaid = enroll(5, o);
        Enrollment waiting = enroll(0, o);
        TestAccounts.signIn(staff);
        offeringRules.saveRules(o, new OfferingRules(Duration.ofHours(12), clock.instant().plus(Duration.ofDays(3))));
        enrollmentDesk.recordPayment(paid.id(), PaymentState.PAID, "카드");
        clock.advance(Duration.ofDays(2).plusHours(1));
        runJobs();
        mailbox.flush();
        assertThat(mailbox.to("wait5@test.baeum")).as("payment reminder").isNotEmpty();
        clock.advance(Duration.ofDays(1));
        runJobs();
        assertThat(as(5, unpaid.id()).status()).isEqualTo(EnrollmentStatus.RELEASED);
        assertThat(as(4, paid.id()).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        Enrollment offered = as(0, waiting.id());
        assertThat(offered.status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(Duration.between(clock.instant(), offered.offerExpiresAt()).toMinutes()).as("the offering's own hold")
                .isBetween(Duration.ofHours(12).toMinutes() - 1, Duration.ofHours(12).toMinutes());
    }

    @Test
    void the_best_verified_reduction_applies_and_refunds_follow_the_policy() {
        OfferingId o = fixture.offering(3, 45_000);
        Enrollment elder = enroll(6, o);
        assertThat(elder.fee().reductionCode()).isEqualTo("ELDERLY");
        assertThat(elder.fee().amount()).isEqualTo(22_500);
        Enrollment full = enroll(0, o);
        assertThat(full.fee().amount()).isEqualTo(45_000);
        TestAccounts.signIn(staff);
        enrollmentDesk.recordPayment(full.id(), PaymentState.PAID, null);
        TestAccounts.signIn(citizens.get(0));
        assertThat(enrollments.refundIfCancelledNow(full.id())).as("before the first session")
                .hasValueSatisfying(r -> assertThat(r.amount()).isEqualTo(45_000));
        TestAccounts.signIn(citizens.get(6));
        assertThat(enrollments.refundIfCancelledNow(elder.id())).as("nothing paid, nothing owed").isEmpty();
        TestAccounts.signIn(citizens.get(0));
        Enrollment cancelled = enrollments.cancel(full.id(), null);
        assertThat(cancelled.payment()).isEqualTo(PaymentState.REFUNDED);
        assertThat(cancelled.refundAmount()).isEqualTo(45_000);
    }

    @Test
    void citizens_cannot_cancel_online_after_the_cut_off_but_staff_can_with_a_reason() {
        OfferingId o = fixture.offering(2, 10_000);
        Enrollment e = enroll(1, o);
        clock.advance(Duration.between(clock.instant(), enrollments.cancelCutoff(catalog.offering(o).orElseThrow()))
                .plusMinutes(1));
        TestAccounts.signIn(citizens.get(1));
        assertThatThrownBy(() -> enrollments.cancel(e.id(), null)).isInstanceOfSatisfying(EnrollmentRefusedException.class,
                r -> assertThat(r.reason()).isEqualTo(EnrollmentRefusedException.Reason.CANCEL_CUTOFF));
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> enrollments.cancel(e.id(), null)).isInstanceOfSatisfying(EnrollmentRefusedException.class,
                r -> assertThat(r.reason()).isEqualTo(EnrollmentRefusedException.Reason.REASON_REQUIRED));
        assertThat(enrollments.cancel(e.id(), "전화로 요청").status()).isEqualTo(EnrollmentStatus.CANCELLED);
    }

    @Test
    void a_per_term_cap_refuses_a_third_class_of_a_kind_until_one_is_cancelled() {
        TestAccounts.signIn(accounts_admin());
        CapRule rule = capRules.saveCapRule(new CapRule(null, org.baeum.catalog.Audience.ADULT, null, 2));
        try {
            OfferingId x = fixture.offering(5, 0, true, org.baeum.catalog.Audience.ADULT, null, null);
            OfferingId y = fixture.offering(5, 0, true, org.baeum.catalog.Audience.ADULT, null, null);
            OfferingId z = fixture.offering(5, 0, true, org.baeum.catalog.Audience.ADULT, null, null);
            Enrollment first = enroll(2, x);
            enroll(2, y);
            TestAccounts.signIn(citizens.get(2));
            assertThatThrownBy(() -> enrollments.enroll(z, null, UUID.randomUUID().toString()))
                    .isInstanceOfSatisfying(EnrollmentRefusedException.class,
                            r -> assertThat(r.reason()).isEqualTo(EnrollmentRefusedException.Reason.CAP_REACHED));
            enrollments.cancel(first.id(), null);
            assertThat(enrollments.enroll(z, null, UUID.randomUUID().toString()).status()).isEqualTo(EnrollmentStatus.ENROLLED);
            assertThatThrownBy(() -> enrollments.enroll(x, null, UUID.randomUUID().toString()))
                    .as("y and z count now; the cancelled one no more")
                    .isInstanceOfSatisfying(EnrollmentRefusedException.class,
                            r -> assertThat(r.reason()).isEqualTo(EnrollmentRefusedException.Reason.CAP_REACHED));
        } finally {
            TestAccounts.signIn(accounts_admin());
            capRules.deleteCapRule(rule.id());
        }
    }

    private static BaeumUser admin;

    private BaeumUser accounts_admin() {
        if (admin == null) {
            admin = testAccounts.create("cap-admin", org.baeum.base.security.Role.ADMIN);
        }
        return admin;
    }

    @Autowired
    TestAccounts testAccounts;

    @Test
    void a_closed_window_refuses_and_stores_nothing() {
        OfferingId o = fixture.offering(2, 0);
        clock.advance(Duration.between(clock.instant(), catalog.offering(o).orElseThrow().recruitment().closesAt())
                .plusMinutes(1));
        TestAccounts.signIn(citizens.get(2));
        assertThatThrownBy(() -> enrollments.enroll(o, null, "k-closed")).isInstanceOfSatisfying(EnrollmentRefusedException.class,
                r -> assertThat(r.reason()).isEqualTo(EnrollmentRefusedException.Reason.CLOSED));
        assertThat(enrollments.myEnrollments()).noneMatch(e -> e.offering().equals(o));
        assertThat(eligibility).isNotNull();
        assertThat(new ParticipantId("x")).isNotNull();
    }

    @Test
    void the_links_in_offer_mail_run_until_an_hour_after_the_offer_by_the_portals_clock() {
        clock.advance(Duration.ofDays(3)); // the portal's clock and the machine's differ: mail must follow the portal's
        OfferingId o = fixture.offering(1, 0);
        Enrollment a = enroll(7, o);
        Enrollment b = enroll(8, o);
        TestAccounts.signIn(citizens.get(7));
        enrollments.cancel(a.id(), null);
        java.time.Instant until = as(8, b.id()).offerExpiresAt();
        String link = mailbox.linkTo("clock1@test.baeum", org.baeum.enrollment.internal.EnrollmentMail.ACCEPT_PAGE);
        org.baeum.base.security.SignedLinks.Check check = links.check(org.baeum.enrollment.internal.EnrollmentMail.ACCEPT,
                Mailbox.token(link));
        assertThat(check.valid()).isTrue();
        assertThat(check.claims().expiresAt()).isCloseTo(until.plus(Duration.ofHours(1)),
                org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void a_payment_deadline_in_the_past_or_not_before_the_first_session_is_refused_at_the_field_and_nothing_is_stored() {
        OfferingId o = fixture.offering(2, 10_000);
        java.time.Instant firstStart = org.baeum.enrollment.internal.OfferPolicy.firstStart(catalog.offering(o).orElseThrow());
        TestAccounts.signIn(staff);
        OfferingRules before = offeringRules.rules(o);
        for (var bad : List.of(
                java.util.Map.entry(clock.instant().minus(Duration.ofMinutes(1)), "enrollment.validation.deadlinePast"),
                java.util.Map.entry(clock.instant(), "enrollment.validation.deadlinePast"),
                java.util.Map.entry(firstStart, "enrollment.validation.deadlineAfterStart"),
                java.util.Map.entry(firstStart.plus(Duration.ofDays(1)), "enrollment.validation.deadlineAfterStart"))) {
            assertThatThrownBy(() -> offeringRules.saveRules(o, new OfferingRules(Duration.ofHours(12), bad.getKey())))
                    .as(bad.toString())
                    .isInstanceOfSatisfying(org.baeum.base.domain.InvalidInputException.class, e -> assertThat(e.problems())
                            .containsExactly(org.baeum.base.domain.FieldProblem.of("paymentDeadline", bad.getValue())));
            assertThat(offeringRules.rules(o)).as("nothing stored").isEqualTo(before);
        }

        java.time.Instant deadline = clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        offeringRules.saveRules(o, new OfferingRules(Duration.ofHours(12), deadline));
        assertThat(offeringRules.rules(o)).isEqualTo(new OfferingRules(Duration.ofHours(12), deadline));
        clock.advance(Duration.ofDays(3));
        // the deadline has passed; kept as it is, it does not stop staff changing the hold
        offeringRules.saveRules(o, new OfferingRules(Duration.ofHours(6), deadline));
        assertThat(offeringRules.rules(o)).isEqualTo(new OfferingRules(Duration.ofHours(6), deadline));
    }

    @Test
    void an_offer_past_its_deadline_is_over_even_before_the_job_ends_it() {
        OfferingId o = fixture.offering(1, 20_000);
        Enrollment a = enroll(3, o);
        Enrollment b = enroll(4, o);
        Enrollment c = enroll(5, o);
        TestAccounts.signIn(citizens.get(3));
        enrollments.cancel(a.id(), null);
        assertThat(as(4, b.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        clock.advance(Duration.between(clock.instant(), as(4, b.id()).offerExpiresAt()).plusSeconds(1));

        TestAccounts.signIn(citizens.get(4));
        for (Runnable answer : List.<Runnable>of(() -> enrollments.acceptOffer(b.id()),
                () -> enrollments.declineOffer(b.id()), () -> enrollments.cancel(b.id(), null))) {
            assertThatThrownBy(answer::run).isInstanceOfSatisfying(EnrollmentRefusedException.class,
                    r -> assertThat(r.reason()).isEqualTo(EnrollmentRefusedException.Reason.WRONG_STATE));
        }
        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> enrollments.acceptOffer(b.id())).as("nor at the desk")
                .isInstanceOf(EnrollmentRefusedException.class);
        assertThat(as(4, b.id()).status()).as("not enrolled, not declined: it ran out").isEqualTo(EnrollmentStatus.OFFERED);

        runJobs();
        assertThat(as(4, b.id()).status()).isEqualTo(EnrollmentStatus.EXPIRED);
        assertThat(as(5, c.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
    }

    @Test
    void looking_at_a_lapsed_offer_ends_it_and_the_next_in_line_is_offered_before_the_job_runs() {
        OfferingId o = fixture.offering(1, 20_000);
        Enrollment a = enroll(14, o);
        Enrollment b = enroll(15, o);
        Enrollment c = enroll(16, o);
        TestAccounts.signIn(citizens.get(14));
        enrollments.cancel(a.id(), null);
        assertThat(preview(15, o).action()).isEqualTo(Preview.Action.ACCEPT_OFFER);
        clock.advance(Duration.between(clock.instant(), as(15, b.id()).offerExpiresAt()).plusSeconds(1));

        // the holder opens the offering page: no accept button for an offer that ran out
        Preview late = preview(15, o);
        assertThat(late.action()).isNotEqualTo(Preview.Action.ACCEPT_OFFER);
        assertThat(late.enrollment()).isNull();
        assertThat(as(15, b.id()).status()).isEqualTo(EnrollmentStatus.EXPIRED);
        assertThat(as(16, c.id()).status()).as("offered at once, no job ran").isEqualTo(EnrollmentStatus.OFFERED);
        // My learning of the next in line shows the offer; the expiry task then finds nothing to do
        TestAccounts.signIn(citizens.get(16));
        assertThat(enrollments.myEnrollments()).filteredOn(e -> e.id().equals(c.id()))
                .extracting(Enrollment::status).containsExactly(EnrollmentStatus.OFFERED);
        runJobs();
        assertThat(as(15, b.id()).status()).isEqualTo(EnrollmentStatus.EXPIRED);
        assertThat(as(16, c.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        SystemIdentity.run(() -> assertThat(seats.ledger(o).orElseThrow().holders()).extracting(SeatLedger.Holder::id)
                .containsExactly(c.id().value()));
        // the one whose offer ran out is told so, once, in Korean
        String title = catalogService.offering(o).orElseThrow().program().titleKo();
        assertThat(mailbox.to("lapse1@test.baeum")).filteredOn(m -> m.subject().contains("수락 기한이 지났습니다"))
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("[배움] " + title + " 자리 제안의 수락 기한이 지났습니다");
                    assertThat(m.textBody()).contains("대기 명단에서도 빠지셨습니다");
                });
    }

    /** The citizen declares a disability (50 %) and staff approve it until {@code validUntil}. */
    private void disabilityApprovedUntil(int citizen, LocalDate validUntil) {
        TestAccounts.signIn(citizens.get(citizen));
        String claim = eligibility.declare(new ParticipantId(citizens.get(citizen).accountId()), "DISABLED", null).id();
        TestAccounts.signIn(staff);
        eligibility.approve(claim, validUntil, null);
    }

    private Preview preview(int citizen, OfferingId o) {
        TestAccounts.signIn(citizens.get(citizen));
        return enrollments.preview(o, null, java.util.Locale.KOREAN);
    }

    @Test
    void a_reduction_verified_while_waiting_lowers_the_fee_the_offer_shows_and_accepting_charges() {
        OfferingId o = fixture.offering(1, 40_000);
        Enrollment holder = enroll(0, o);
        Enrollment b = enroll(10, o);
        assertThat(b.fee().amount()).as("no reduction when joining").isEqualTo(40_000);
        disabilityApprovedUntil(10, LocalDate.now(clock.withZone(org.baeum.base.i18n.Formats.SEOUL)).plusDays(60));
        TestAccounts.signIn(citizens.get(0));
        enrollments.cancel(holder.id(), null);

        Preview shown = preview(10, o);
        assertThat(shown.action()).isEqualTo(Preview.Action.ACCEPT_OFFER);
        assertThat(shown.fee().amount()).isEqualTo(20_000);
        assertThat(shown.fee().reductionCode()).isEqualTo("DISABLED");
        assertThat(enrollments.enrollment(b.id()).fee()).as("My learning and the API say the same").isEqualTo(shown.fee());
        Enrollment accepted = enrollments.acceptOffer(b.id());
        assertThat(accepted.fee()).isEqualTo(shown.fee());
        assertThat(entries.findById(b.id().value()).orElseThrow().facts().reductionCategory())
                .as("the reporting facts follow the fee charged").isEqualTo("DISABLED");
    }

    @Test
    void a_reduction_that_lapsed_while_waiting_does_not_raise_the_fee_the_citizen_was_shown() {
        disabilityApprovedUntil(11, LocalDate.now(clock.withZone(org.baeum.base.i18n.Formats.SEOUL)));
        OfferingId o = fixture.offering(1, 40_000);
        Enrollment holder = enroll(1, o);
        Enrollment c = enroll(11, o);
        assertThat(c.fee().amount()).isEqualTo(20_000);
        clock.advance(Duration.ofDays(1).plusHours(1)); // the approval ran to yesterday
        TestAccounts.signIn(citizens.get(1));
        enrollments.cancel(holder.id(), null);

        Preview shown = preview(11, o);
        assertThat(shown.action()).isEqualTo(Preview.Action.ACCEPT_OFFER);
        assertThat(shown.fee().amount()).isEqualTo(20_000);
        Enrollment accepted = enrollments.acceptOffer(c.id());
        assertThat(accepted.fee()).isEqualTo(shown.fee());
        assertThat(accepted.fee().amount()).isEqualTo(20_000);
    }

    @Test
    void staff_withdrawing_an_offer_record_it_with_who_and_why_mail_the_citizen_and_the_seat_goes_to_the_next() {
        OfferingId o = fixture.offering(1, 0);
        Enrollment a = enroll(0, o);
        Enrollment b = enroll(12, o);
        Enrollment c = enroll(2, o);
        TestAccounts.signIn(citizens.get(0));
        enrollments.cancel(a.id(), null);
        assertThat(as(12, b.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);

        TestAccounts.signIn(staff);
        assertThatThrownBy(() -> enrollments.cancel(b.id(), " ")).isInstanceOfSatisfying(EnrollmentRefusedException.class,
                r -> assertThat(r.reason()).isEqualTo(EnrollmentRefusedException.Reason.REASON_REQUIRED));
        assertThat(enrollments.cancel(b.id(), "수강 자격 확인 불가").status()).isEqualTo(EnrollmentStatus.WITHDRAWN);

        Enrollment withdrawn = as(12, b.id());
        assertThat(withdrawn.status()).isEqualTo(EnrollmentStatus.WITHDRAWN);
        assertThat(withdrawn.endReason()).isEqualTo("enrollment.reason.withdrawn");
        assertThat(withdrawn.history().getLast()).satisfies(h -> {
            assertThat(h.what()).isEqualTo("WITHDRAWN");
            assertThat(h.by()).isEqualTo(staff.accountId());
            assertThat(h.note()).isEqualTo("수강 자격 확인 불가");
        });
        assertThat(as(2, c.id()).status()).as("the seat goes on as after a decline").isEqualTo(EnrollmentStatus.OFFERED);
        SystemIdentity.run(() -> assertThat(seats.ledger(o).orElseThrow().holders()).extracting(SeatLedger.Holder::id)
                .containsExactly(c.id().value()));

        String title = catalogService.offering(o).orElseThrow().program().titleKo();
        assertThat(mailbox.to("withdrawn@test.baeum")).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("[배움] " + title + " 자리 제안이 취소되었습니다");
            assertThat(m.textBody()).contains("사유: 수강 자격 확인 불가");
        });
    }

    @Test
    void a_citizen_who_declines_an_offer_gets_a_confirmation_in_their_language() {
        TestAccounts.signIn(citizens.get(13));
        accountService.changeMyLanguage(java.util.Locale.ENGLISH);
        OfferingId o = fixture.offering(1, 0);
        Enrollment a = enroll(1, o);
        Enrollment d = enroll(13, o);
        Enrollment e = enroll(3, o);
        TestAccounts.signIn(citizens.get(1));
        enrollments.cancel(a.id(), null);
        TestAccounts.signIn(citizens.get(13));
        assertThat(enrollments.declineOffer(d.id()).status()).isEqualTo(EnrollmentStatus.DECLINED);
        assertThat(as(3, e.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);

        String title = catalogService.offering(o).orElseThrow().program().titleEn();
        assertThat(mailbox.to("declined@test.baeum")).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("[Baeum] You declined the seat in " + title);
            assertThat(m.textBody()).contains("next person on the waiting list");
        });
    }
}
