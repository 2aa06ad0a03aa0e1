package org.baeum.enrollment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.ui.AccessDeniedView;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.Audience;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.CapRules;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.OfferingRulesDesk;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.PaymentState;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The staff side of enrolment in the browserless kit: the offering desk (seats, masked lists, payment, cancel with a
 * reason, moving in the waitlist, capacity and rules), assisted enrolment on the citizen record, ADMIN's caps, and
 * that nobody else opens these pages. Citizens make their own enrolments through the service first.
 */
@BaeumIntegrationTest
class StaffEnrollmentViewsBrowserlessTest extends SpringBrowserlessTest {

    static EnrollmentFixture fixture;
    static final List<BaeumUser> citizens = new ArrayList<>();
    static final String[] NAMES = {"김민용", "이서준", "박지훈", "최유나", "정하늘", "강도윤", "조서연", "윤지호", "서민재"};

    @Autowired
    org.baeum.enrollment.internal.EnrollmentTransitions transitions;
    @Autowired
    CitizenEnrollments enrollments;

    @Autowired
    CapRules capRules;

    @Autowired
    EnrollmentDesk enrollmentDesk;

    @Autowired
    OfferingRulesDesk offeringRules;
    @Autowired
    CatalogService catalog;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;
    @Autowired
    TestAccounts accounts;

    private String accountsByName(String username) {
        return accounts.user(username).accountId();
    }

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        for (int i = 0; i < NAMES.length; i++) {
            citizens.add(accounts.citizen("desk" + i + "@test.baeum", NAMES[i], LocalDate.of(1970 + i, 3, 1)));
        }
        accounts.create("desk-staff", Role.STAFF);
        accounts.create("desk-admin", Role.ADMIN);
        accounts.create("desk-citizen", Role.CITIZEN);
        accounts.create("desk-instructor", Role.INSTRUCTOR);
    }

    /** The citizen enrols themself (or joins the waitlist) through the service, as online; the caller stays signed in. */
    private Enrollment enroll(int citizen, OfferingId offering) {
        return asCitizen(citizen, () -> enrollments.enroll(offering, null, UUID.randomUUID().toString()));
    }

    /** A new citizen (not one of {@link #NAMES}, whose households other tests count) enrols themself. */
    private Enrollment enrollNew(String name, OfferingId offering) {
        SecurityContext staff = SecurityContextHolder.getContext();
        TestAccounts.signIn(accounts.citizen("desk-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum",
                name, LocalDate.of(1975, 5, 5)));
        try {
            return enrollments.enroll(offering, null, UUID.randomUUID().toString());
        } finally {
            SecurityContextHolder.setContext(staff);
        }
    }

    private <T> T asCitizen(int citizen, java.util.function.Supplier<T> work) {
        SecurityContext staff = SecurityContextHolder.getContext();
        TestAccounts.signIn(citizens.get(citizen));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(staff);
        }
    }

    private OfferingDeskView desk(OfferingId offering) {
        UI.getCurrent().navigate(OfferingDeskView.class, new RouteParameters("offeringId", offering.value()));
        return AopTestUtils.getUltimateTargetObject(getCurrentView());
    }

    private Button button(Dialog dialog, String text) {
        return $(Button.class, dialog).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    private String lastNotification() {
        return test($(Notification.class).last()).getText();
    }

    private Map<String, String> seats(OfferingDeskView view) {
        List<String> texts = view.seats.getChildren().map(c -> c.getElement().getText()).toList();
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < texts.size(); i += 2) {
            result.put(texts.get(i), texts.get(i + 1));
        }
        return result;
    }

    private List<String> column(com.vaadin.flow.component.grid.Grid<Enrollment> grid, int column) {
        return IntStream.range(0, test(grid).size()).mapToObj(row -> test(grid).getCellText(row, column)).toList();
    }

    // ---- the offering desk -------------------------------------------------------------------------------

    @Test
    @WithUserDetails("desk-staff")
    void the_desk_shows_seats_the_enrolled_held_offers_and_the_waitlist_in_order_with_masked_names() {
        OfferingId o = fixture.offering(2, 30_000);
        Enrollment first = enroll(0, o);
        enroll(1, o);
        enroll(2, o);
        enroll(3, o);
        asCitizen(0, () -> enrollments.cancel(first.id(), null)); // 박지훈 gets an offer, 최유나 waits

        OfferingDeskView view = desk(o);
        assertThat(view.title.getText()).startsWith("등록 시험 강좌");
        assertThat(column(view.enrolled, 0)).containsExactly("이*준");
        assertThat(column(view.enrolled, 1)).containsExactly("30,000원");
        assertThat(column(view.enrolled, 3)).containsExactly(view.getTranslation("enrollment.payment.UNPAID"));
        assertThat(column(view.enrolled, 4)).containsExactly(view.getTranslation("enrolDesk.self"));
        assertThat(column(view.offers, 0)).containsExactly("박*훈");
        assertThat(column(view.offers, 1)).singleElement().asString().isNotBlank();
        assertThat(column(view.waitlist, 0)).containsExactly("1");
        assertThat(column(view.waitlist, 1)).containsExactly("최*나");
        assertThat(view.enrolledHeading.getText()).isEqualTo(view.getTranslation("enrolDesk.enrolled", 1));
        assertThat(view.offersHeading.getText()).isEqualTo(view.getTranslation("enrolDesk.offers", 1));
        assertThat(view.waitlistHeading.getText()).isEqualTo(view.getTranslation("enrolDesk.waitlist", 1));
        assertThat(seats(view)).containsEntry(view.getTranslation("enrolDesk.capacity"), "2")
                .containsEntry(view.getTranslation("enrolDesk.taken"), "2")
                .containsEntry(view.getTranslation("enrolDesk.free"), "0")
                .containsEntry(view.getTranslation("enrolDesk.held"), "1")
                .containsEntry(view.getTranslation("enrolDesk.waiting"), "1");
        // no full name anywhere in the lists
        assertThat(column(view.enrolled, 0)).noneMatch(n -> List.of(NAMES).contains(n));
    }

    @Test
    @WithUserDetails("desk-staff")
    void an_unknown_offering_shows_not_found() {
        UI.getCurrent().navigate(OfferingDeskView.class, new RouteParameters("offeringId", "no-such-offering"));
        assertThat($(com.vaadin.flow.component.html.H1.class).first().getText()).isEqualTo("페이지를 찾을 수 없습니다");
    }

    @Test
    @WithUserDetails("desk-staff")
    void recording_a_payment_marks_the_enrolment_paid() {
        OfferingId o = fixture.offering(3, 40_000);
        Enrollment e = enroll(4, o);
        OfferingDeskView view = desk(o);
        Enrollment row = test(view.enrolled).getRow(0);
        view.pay(row, PaymentState.PAID);
        assertThat(view.dialog.getHeaderTitle()).isEqualTo(view.getTranslation("enrolDesk.payTitle", "정*늘"));
        $(TextField.class, view.dialog).last().setValue("현금 영수증 발급");
        test(button(view.dialog, view.getTranslation("enrolDesk.pay"))).click();

        assertThat(enrollments.enrollment(e.id()).payment()).isEqualTo(PaymentState.PAID);
        assertThat(enrollments.enrollment(e.id()).history()).anySatisfy(h -> {
            assertThat(h.what()).isEqualTo("PAID");
            assertThat(h.note()).isEqualTo("현금 영수증 발급");
        });
        assertThat(column(view.enrolled, 3)).containsExactly(view.getTranslation("enrollment.payment.PAID"));
        assertThat(lastNotification()).isEqualTo(view.getTranslation("enrolDesk.paid", "정*늘", "40,000원"));
    }

    @Test
    @WithUserDetails("desk-staff")
    void a_fee_lowered_after_the_page_was_loaded_is_not_recorded_paid_at_the_old_amount() {
        OfferingId o = fixture.offering(3, 40_000);
        Enrollment e = enrollNew("한가람", o);
        OfferingDeskView view = desk(o);
        view.pay(test(view.enrolled).getRow(0), PaymentState.PAID);
        TextField amount = $(TextField.class, view.dialog).first();
        assertThat(amount.getValue()).isEqualTo("40,000원");
        // the closure job lowers the unpaid fee while the dialog is open
        transitions.reduceUnpaidFee(e.id().value(), "plan-lowered", 10_000,
                new org.baeum.enrollment.HistoryItem(clock.instant(), "CLOSURE_FEE_REDUCED", "system", null));

        test(button(view.dialog, view.getTranslation("enrolDesk.pay"))).click();
        assertThat(enrollments.enrollment(e.id()).payment()).as("nothing recorded").isEqualTo(PaymentState.UNPAID);
        assertThat(enrollments.enrollment(e.id()).history()).noneMatch(h -> h.what().equals("PAID"));
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).isEqualTo(view.getTranslation("enrolDesk.amountChanged", "30,000원"));
        assertThat(amount.getValue()).isEqualTo("30,000원");

        test(button(view.dialog, view.getTranslation("enrolDesk.pay"))).click(); // staff take the new amount
        assertThat(enrollments.enrollment(e.id()).payment()).isEqualTo(PaymentState.PAID);
        assertThat(enrollments.enrollment(e.id()).fee().amount()).isEqualTo(30_000);
        assertThat(lastNotification()).isEqualTo(view.getTranslation("enrolDesk.paid", "한*람", "30,000원"));
    }

    @Test
    @WithUserDetails("desk-staff")
    void the_desk_service_refuses_a_payment_at_an_amount_that_is_not_the_fee() {
        OfferingId o = fixture.offering(3, 25_000);
        Enrollment e = enrollNew("문다온", o);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> enrollmentDesk.recordPayment(e.id(), PaymentState.PAID, null, 30_000))
                .isInstanceOfSatisfying(org.baeum.enrollment.EnrollmentRefusedException.class, r -> assertThat(r.reason())
                        .isEqualTo(org.baeum.enrollment.EnrollmentRefusedException.Reason.WRONG_STATE));
        assertThat(enrollments.enrollment(e.id()).payment()).isEqualTo(PaymentState.UNPAID);
        assertThat(enrollmentDesk.recordPayment(e.id(), PaymentState.PAID, null, 25_000).payment())
                .isEqualTo(PaymentState.PAID);
    }

    @Test
    @WithUserDetails("desk-staff")
    void waiving_a_fee_marks_it_waived() {
        OfferingId o = fixture.offering(3, 15_000);
        Enrollment e = enroll(5, o);
        OfferingDeskView view = desk(o);
        view.pay(test(view.enrolled).getRow(0), PaymentState.WAIVED);
        test(button(view.dialog, view.getTranslation("enrolDesk.waive"))).click();
        assertThat(enrollments.enrollment(e.id()).payment()).isEqualTo(PaymentState.WAIVED);
        assertThat(lastNotification()).isEqualTo(view.getTranslation("enrolDesk.waived", "강*윤"));
    }

    @Test
    @WithUserDetails("desk-staff")
    void cancelling_needs_a_reason_shows_the_refund_and_frees_the_seat_for_the_waitlist() {
        OfferingId o = fixture.offering(1, 20_000);
        Enrollment a = enroll(0, o);
        Enrollment b = enroll(1, o);
        enrollmentDesk.recordPayment(a.id(), PaymentState.PAID, null);
        OfferingDeskView view = desk(o);
        view.cancel(test(view.enrolled).getRow(0));
        CancelDialog dialog = (CancelDialog) view.dialog;
        assertThat($(Paragraph.class, dialog).all()).extracting(Paragraph::getText)
                .contains(view.getTranslation("enrolDesk.refund", "20,000원"));

        test(dialog.confirm).click(); // no reason
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).isEqualTo(view.getTranslation("enrollment.refused.REASON_REQUIRED"));
        assertThat(dialog.isOpened()).isTrue();
        assertThat(enrollments.enrollment(a.id()).status()).isEqualTo(EnrollmentStatus.ENROLLED);

        dialog.reason.setValue("본인 요청(전화), 이사");
        test(dialog.confirm).click();
        assertThat(dialog.isOpened()).isFalse();
        Enrollment cancelled = enrollments.enrollment(a.id());
        assertThat(cancelled.status()).isEqualTo(EnrollmentStatus.CANCELLED);
        assertThat(cancelled.refundAmount()).isEqualTo(20_000);
        assertThat(cancelled.history().getLast().note()).isEqualTo("본인 요청(전화), 이사");
        assertThat(lastNotification()).isEqualTo(view.getTranslation("enrolDesk.cancelled", "김*용", "20,000원"));
        assertThat(enrollments.enrollment(b.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(column(view.enrolled, 0)).isEmpty();
        assertThat(column(view.offers, 0)).containsExactly("이*준");
        assertThat(column(view.waitlist, 0)).isEmpty();
    }

    @Test
    @WithUserDetails("desk-staff")
    void withdrawing_an_offer_at_the_desk_is_recorded_as_withdrawn_and_the_seat_goes_to_the_next() {
        OfferingId o = fixture.offering(1, 0);
        Enrollment a = enroll(0, o);
        Enrollment b = enroll(1, o);
        Enrollment c = enroll(2, o);
        asCitizen(0, () -> enrollments.cancel(a.id(), null));
        OfferingDeskView view = desk(o);
        assertThat(column(view.offers, 0)).containsExactly("이*준");

        view.cancel(test(view.offers).getRow(0));
        CancelDialog dialog = (CancelDialog) view.dialog;
        assertThat(dialog.getHeaderTitle()).isEqualTo(view.getTranslation("enrolDesk.withdrawTitle", "이*준"));
        dialog.reason.setValue("중복 신청 확인");
        test(dialog.confirm).click();

        Enrollment withdrawn = enrollments.enrollment(b.id());
        assertThat(withdrawn.status()).isEqualTo(EnrollmentStatus.WITHDRAWN);
        assertThat(withdrawn.history().getLast().what()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.history().getLast().note()).isEqualTo("중복 신청 확인");
        assertThat(withdrawn.history().getLast().by()).isEqualTo(accountsByName("desk-staff"));
        assertThat(lastNotification()).isEqualTo(view.getTranslation("enrolDesk.withdrawn", "이*준"));
        assertThat(enrollments.enrollment(c.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(column(view.offers, 0)).containsExactly("박*훈");
    }

    @Test
    @WithUserDetails("desk-staff")
    void moving_in_the_waitlist_needs_a_position_and_a_reason() {
        OfferingId o = fixture.offering(1, 0);
        enroll(0, o);
        enroll(1, o);
        enroll(2, o);
        Enrollment last = enroll(3, o);
        OfferingDeskView view = desk(o);
        assertThat(column(view.waitlist, 1)).containsExactly("이*준", "박*훈", "최*나");

        view.move(test(view.waitlist).getRow(2));
        Dialog dialog = view.dialog;
        IntegerField position = $(IntegerField.class, dialog).first();
        TextField reason = $(TextField.class, dialog).first();
        position.setValue(9);
        test(button(dialog, view.getTranslation("enrolDesk.move"))).click();
        assertThat(position.isInvalid()).isTrue();
        assertThat(position.getErrorMessage()).isEqualTo(view.getTranslation("enrolDesk.positionRange", 3));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo(view.getTranslation("enrollment.refused.REASON_REQUIRED"));
        assertThat(column(view.waitlist, 1)).containsExactly("이*준", "박*훈", "최*나");

        position.setValue(1);
        reason.setValue("장애인 우선 배려");
        test(button(dialog, view.getTranslation("enrolDesk.move"))).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(column(view.waitlist, 1)).containsExactly("최*나", "이*준", "박*훈");
        assertThat(column(view.waitlist, 0)).containsExactly("1", "2", "3");
        assertThat(enrollments.enrollment(last.id()).history().getLast().note()).contains("장애인 우선 배려");
        assertThat(lastNotification()).isEqualTo(view.getTranslation("enrolDesk.moved", "최*나", 1));
    }

    @Test
    @WithUserDetails("desk-staff")
    void raising_the_capacity_offers_the_new_seats_to_the_waitlist_and_bad_values_stay_at_the_field() {
        OfferingId o = fixture.offering(1, 0);
        enroll(0, o);
        Enrollment b = enroll(1, o);
        Enrollment c = enroll(2, o);
        OfferingDeskView view = desk(o);

        view.settings.capacity.setValue(0);
        test(view.settings.saveCapacity).click();
        assertThat(view.settings.capacity.isInvalid()).isTrue();
        assertThat(view.settings.capacity.getErrorMessage()).isEqualTo(view.getTranslation("validation.capacityMin"));
        assertThat(enrollmentDesk.desk(o).capacity()).isEqualTo(1);

        view.settings.capacity.setValue(3);
        test(view.settings.saveCapacity).click();
        assertThat(view.settings.capacity.isInvalid()).isFalse();
        assertThat(enrollmentDesk.desk(o).capacity()).isEqualTo(3);
        assertThat(enrollments.enrollment(b.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(enrollments.enrollment(c.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(column(view.offers, 0)).containsExactlyInAnyOrder("이*준", "박*훈");
        assertThat(column(view.waitlist, 0)).isEmpty();
        assertThat(seats(view)).containsEntry(view.getTranslation("enrolDesk.held"), "2");
        assertThat(lastNotification()).isEqualTo(view.getTranslation("enrolDesk.capacitySaved", 3, 2));
    }

    @Test
    @WithUserDetails("desk-staff")
    void the_offer_hold_and_payment_deadline_are_saved_and_bad_input_is_refused_at_the_fields() {
        OfferingId o = fixture.offering(2, 10_000);
        OfferingDeskView view = desk(o);
        var before = offeringRules.rules(o);

        view.settings.offerHold.setValue(0);
        view.settings.paymentDeadline.setValue(LocalDateTime.now(Formats.SEOUL).plusDays(60).withNano(0).withSecond(0));
        test(view.settings.saveRules).click();
        assertThat(view.settings.offerHold.getErrorMessage()).isEqualTo(view.getTranslation("enrollment.validation.offerHold"));
        assertThat(view.settings.paymentDeadline.getErrorMessage())
                .isEqualTo(view.getTranslation("enrollment.validation.deadlineAfterStart"));
        assertThat(offeringRules.rules(o)).isEqualTo(before);

        view.settings.offerHold.setValue(48);
        view.settings.paymentDeadline.setValue(LocalDateTime.now(Formats.SEOUL).minusDays(1).withNano(0).withSecond(0));
        test(view.settings.saveRules).click();
        assertThat(view.settings.paymentDeadline.getErrorMessage()).isEqualTo(view.getTranslation("enrollment.validation.deadlinePast"));
        assertThat(offeringRules.rules(o)).isEqualTo(before);

        LocalDateTime deadline = LocalDateTime.now(Formats.SEOUL).plusDays(7).withNano(0).withSecond(0);
        view.settings.paymentDeadline.setValue(deadline);
        test(view.settings.saveRules).click();
        assertThat(view.settings.offerHold.isInvalid()).isFalse();
        assertThat(offeringRules.rules(o).offerHold()).isEqualTo(Duration.ofHours(48));
        assertThat(offeringRules.rules(o).paymentDeadline()).isEqualTo(deadline.atZone(Formats.SEOUL).toInstant());
        assertThat(lastNotification()).isEqualTo(view.getTranslation("enrolDesk.rulesSaved"));
        assertThat(view.settings.offerHold.getValue()).isEqualTo(48);
    }

    @Test
    @WithUserDetails("desk-staff")
    void the_refund_basis_is_saved_and_cancelling_the_class_needs_a_reason_then_ends_it() {
        OfferingId o = fixture.offering(2, 10_000);
        OfferingDeskView view = desk(o);
        assertThat(view.settings.refundBasis.getValue()).isEqualTo(org.baeum.enrollment.RefundBasis.PERIOD);
        view.settings.refundBasis.setValue(org.baeum.enrollment.RefundBasis.SESSIONS);
        test(view.settings.saveRules).click();
        assertThat(offeringRules.rules(o).refundBasis()).isEqualTo(org.baeum.enrollment.RefundBasis.SESSIONS);

        test(view.settings.cancelOffering).click();
        assertThat(view.settings.dialog.isOpened()).isTrue();
        test(button(view.settings.dialog, view.getTranslation("enrolDesk.cancelOfferingConfirm"))).click();
        assertThat(view.settings.cancelReason.isInvalid()).as("a reason is required").isTrue();
        assertThat(view.settings.cancelReason.getErrorMessage()).isEqualTo(view.getTranslation("validation.required"));
        assertThat(catalog.offering(o).orElseThrow().publication()).isEqualTo(org.baeum.catalog.Publication.PUBLISHED);

        view.settings.cancelReason.setValue("신청 인원 부족");
        test(button(view.settings.dialog, view.getTranslation("enrolDesk.cancelOfferingConfirm"))).click();
        assertThat(view.settings.dialog.isOpened()).isFalse();
        assertThat(catalog.offering(o).orElseThrow().publication()).isEqualTo(org.baeum.catalog.Publication.CANCELLED);
        assertThat(lastNotification()).isEqualTo(view.getTranslation("enrolDesk.offeringCancelled"));
    }

    @Test
    @WithUserDetails("desk-staff")
    void the_enrolments_list_finds_an_offering_by_title_and_links_to_its_desk() {
        OfferingId o = fixture.offering(2, 0);
        EnrollmentsView view = AopTestUtils.getUltimateTargetObject(navigate(EnrollmentsView.class));
        view.term.setValue(view.term.getListDataView().getItems()
                .filter(t -> t.nameKo().equals("등록 시험 기수")).findFirst().orElseThrow());
        String title = catalog.offering(o).orElseThrow().program().titleKo();
        view.query.setValue(title);
        assertThat(test(view.grid).size()).isGreaterThanOrEqualTo(1);
        var link = (com.vaadin.flow.component.html.Anchor) test(view.grid).getCellComponent(0, 0);
        assertThat(link.getHref()).isEqualTo("staff/enrollments/" + o.value());
        assertThat(link.getText()).isEqualTo(title);
    }

    @Test
    @WithUserDetails("desk-staff")
    void a_refusal_with_a_time_is_written_in_seoul_time() {
        EnrollmentsView view = AopTestUtils.getUltimateTargetObject(navigate(EnrollmentsView.class));
        java.time.Instant opens = java.time.ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, Formats.SEOUL).toInstant();
        var refused = new org.baeum.enrollment.EnrollmentRefusedException(
                org.baeum.enrollment.EnrollmentRefusedException.Reason.NOT_OPEN, opens);
        java.util.TimeZone jvm = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC")); // the tests run in Seoul; servers may not
        try {
            assertThat(EnrollTexts.refusal(view, refused)).isEqualTo("신청은 " + Formats.dateTime(opens, java.util.Locale.KOREAN)
                    + "에 시작합니다.").contains("10:00");
        } finally {
            java.util.TimeZone.setDefault(jvm);
        }
    }

    // ---- assisted enrolment on the citizen record ------------------------------------------------------

    private HouseholdEnrollments citizenRecord(int citizen) {
        UI.getCurrent().navigate("staff/citizens/" + citizens.get(citizen).accountId() + "/enrollments");
        return $(HouseholdEnrollments.class).single();
    }

    @Test
    @WithUserDetails("desk-staff")
    void the_citizen_record_links_to_the_household_enrolments_which_name_the_citizen() {
        String id = citizens.get(6).accountId();
        UI.getCurrent().navigate("staff/citizens/" + id);
        var link = $(com.vaadin.flow.component.html.Anchor.class).all().stream()
                .filter(a -> a.getHref().equals("staff/citizens/" + id + "/enrollments")).findFirst().orElseThrow();
        assertThat(link.getText()).isEqualTo(link.getTranslation("enrolHousehold.open"));
        UI.getCurrent().navigate(link.getHref());
        assertThat($(com.vaadin.flow.component.html.H1.class).first().getText())
                .isEqualTo(link.getTranslation("enrolHousehold.heading", "조서연"));
        assertThat($(HouseholdEnrollments.class).all()).hasSize(1);
    }

    @Test
    @WithUserDetails("desk-staff")
    void household_enrolments_of_a_staff_account_or_an_unknown_id_are_not_found() {
        for (String id : List.of("no-such-account", accountsByName("desk-staff"))) {
            UI.getCurrent().navigate("staff/citizens/" + id + "/enrollments");
            assertThat($(com.vaadin.flow.component.html.H1.class).first().getText()).isEqualTo("페이지를 찾을 수 없습니다");
        }
    }

    private long enrollmentViews(int citizen) {
        return database.getCollection("access_log").countDocuments(new Document("subjectAccountId",
                citizens.get(citizen).accountId()).append("action", "VIEW_PROFILE").append("detail", "enrolments"));
    }

    @Test
    @WithUserDetails("desk-staff")
    void opening_the_household_enrolments_is_logged_once_however_often_the_list_is_refreshed() {
        OfferingId o = fixture.offering(1, 0);
        Enrollment holder = enroll(0, o);
        Enrollment waiting = enroll(5, o);
        asCitizen(0, () -> enrollments.cancel(holder.id(), null));
        long before = enrollmentViews(5);

        HouseholdEnrollments section = citizenRecord(5);
        assertThat(enrollmentViews(5)).isEqualTo(before + 1);
        Enrollment row = IntStream.range(0, test(section.grid).size()).mapToObj(i -> test(section.grid).getRow(i))
                .filter(e -> e.id().equals(waiting.id())).findFirst().orElseThrow();
        section.accept(row); // the list is read again after the action
        section.refresh();
        assertThat(test(section.grid).getRow(0).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(enrollmentViews(5)).as("refreshing the open page").isEqualTo(before + 1);

        citizenRecord(5);
        assertThat(enrollmentViews(5)).as("opened again").isEqualTo(before + 2);
    }

    private long assisted(int citizen) {
        return database.getCollection("access_log").countDocuments(new Document("subjectAccountId",
                citizens.get(citizen).accountId()).append("action", "ASSISTED_ACTION"));
    }

    @Test
    @WithUserDetails("desk-staff")
    void staff_enrol_a_household_member_after_seeing_the_preview_and_it_is_logged_as_assisted() {
        OfferingId o = fixture.offering(1, 25_000);
        HouseholdEnrollments section = citizenRecord(6);
        section.participant.setValue(section.participant.getListDataView().getItems().findFirst().orElseThrow());
        section.offering.setValue(catalog.offering(o).orElseThrow());
        assertThat(section.current.action()).isEqualTo(org.baeum.enrollment.Preview.Action.ENROL);
        assertThat(section.preview.getChildren().map(c -> c.getElement().getText()).toList())
                .contains(section.getTranslation("enrolHousehold.preview.ENROL"), section.getTranslation("enrolHousehold.fee", "25,000원"));
        assertThat(section.act.getText()).isEqualTo(section.getTranslation("enrolHousehold.enrol"));
        long before = assisted(6);

        test(section.act).click();

        assertThat(assisted(6)).isGreaterThan(before);
        assertThat(test(section.grid).size()).isEqualTo(1);
        assertThat(test(section.grid).getCellText(0, 0)).isEqualTo("조서연");
        assertThat(test(section.grid).getCellText(0, 2)).isEqualTo(section.getTranslation("enrollment.status.ENROLLED"));
        assertThat(section.current.action()).isEqualTo(org.baeum.enrollment.Preview.Action.ENROLLED);
        assertThat(section.act.isVisible()).isFalse();
        Enrollment stored = enrollmentDesk.desk(o).enrolled().getFirst();
        assertThat(stored.assisted()).isTrue();
        assertThat(lastNotification()).isEqualTo(section.getTranslation("enrolHousehold.enrolled", "조서연",
                catalog.offering(o).orElseThrow().program().titleKo()));

        // the class is now full: the next person joins the waitlist, also assisted
        HouseholdEnrollments other = citizenRecord(7);
        other.participant.setValue(other.participant.getListDataView().getItems().findFirst().orElseThrow());
        other.offering.setValue(catalog.offering(o).orElseThrow());
        assertThat(other.current.action()).isEqualTo(org.baeum.enrollment.Preview.Action.JOIN_WAITLIST);
        assertThat(other.act.getText()).isEqualTo(other.getTranslation("enrolHousehold.join"));
        long otherBefore = assisted(7);
        test(other.act).click();
        assertThat(assisted(7)).isGreaterThan(otherBefore);
        assertThat(test(other.grid).getCellText(0, 2)).isEqualTo(other.getTranslation("enrollment.status.WAITLISTED")
                + " · " + other.getTranslation("enrolHousehold.position", 1));
    }

    @Test
    @WithUserDetails("desk-staff")
    void a_refused_preview_says_why_and_offers_no_button() {
        OfferingId o = fixture.offering(5, 0, true, Audience.YOUTH_CHILDREN, null, null);
        HouseholdEnrollments section = citizenRecord(5);
        section.participant.setValue(section.participant.getListDataView().getItems().findFirst().orElseThrow());
        section.offering.setValue(catalog.offering(o).orElseThrow());
        assertThat(section.current.action()).isEqualTo(org.baeum.enrollment.Preview.Action.NOT_POSSIBLE);
        assertThat(section.preview.getChildren().map(c -> c.getElement().getText()).toList())
                .contains(section.getTranslation("enrolHousehold.preview.NOT_POSSIBLE",
                        section.getTranslation("enrollment.refused.NOT_ELIGIBLE")));
        assertThat(section.act.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("desk-staff")
    void a_reached_cap_in_the_preview_names_the_number_as_the_refusal_does() {
        var cap = asAdmin(() -> capRules.saveCapRule(new org.baeum.enrollment.CapRule(null, null,
                org.baeum.catalog.PolicyDomain.LIFE_TRANSITION, 2)));
        try {
            OfferingId x = fixture.offering(5, 0);
            OfferingId y = fixture.offering(5, 0);
            OfferingId z = fixture.offering(5, 0);
            enroll(8, x);
            enroll(8, y);
            var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    org.baeum.enrollment.EnrollmentRefusedException.class, () -> enroll(8, z));
            HouseholdEnrollments section = citizenRecord(8);
            section.participant.setValue(section.participant.getListDataView().getItems().findFirst().orElseThrow());
            section.offering.setValue(catalog.offering(z).orElseThrow());
            assertThat(section.current.action()).isEqualTo(org.baeum.enrollment.Preview.Action.NOT_POSSIBLE);
            assertThat(section.preview.getChildren().map(c -> c.getElement().getText()).toList())
                    .contains(section.getTranslation("enrolHousehold.preview.NOT_POSSIBLE", EnrollTexts.refusal(section, refused)))
                    .anySatisfy(t -> assertThat(t).contains("2개"));
        } finally {
            asAdmin(() -> {
                capRules.deleteCapRule(cap.id());
                return null;
            });
        }
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        SecurityContext staff = SecurityContextHolder.getContext();
        TestAccounts.signIn(accounts.user("desk-admin"));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(staff);
        }
    }

    @Test
    @WithUserDetails("desk-staff")
    void staff_accept_an_offer_and_cancel_with_a_reason_for_the_citizen() {
        OfferingId o = fixture.offering(1, 0);
        Enrollment holder = enroll(0, o);
        Enrollment waiting = enroll(4, o);
        asCitizen(0, () -> enrollments.cancel(holder.id(), null));
        assertThat(enrollments.enrollment(waiting.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);

        HouseholdEnrollments section = citizenRecord(4);
        long before = assisted(4);
        Enrollment row = IntStream.range(0, test(section.grid).size()).mapToObj(i -> test(section.grid).getRow(i))
                .filter(e -> e.id().equals(waiting.id())).findFirst().orElseThrow();
        section.accept(row);
        assertThat(enrollments.enrollment(waiting.id()).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(assisted(4)).isGreaterThan(before);

        Enrollment enrolled = IntStream.range(0, test(section.grid).size()).mapToObj(i -> test(section.grid).getRow(i))
                .filter(e -> e.id().equals(waiting.id())).findFirst().orElseThrow();
        section.cancel(enrolled);
        CancelDialog dialog = (CancelDialog) section.dialog;
        test(dialog.confirm).click();
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(enrollments.enrollment(waiting.id()).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        dialog.reason.setValue("전화로 취소 요청");
        test(dialog.confirm).click();
        assertThat(enrollments.enrollment(waiting.id()).status()).isEqualTo(EnrollmentStatus.CANCELLED);
        assertThat(lastNotification()).isEqualTo(section.getTranslation("enrolDesk.cancelled", "정하늘",
                section.getTranslation("enrollment.refund.none")));
    }

    @Test
    @WithUserDetails("desk-staff")
    void declining_an_offer_for_the_citizen_is_confirmed_first() {
        OfferingId o = fixture.offering(1, 0);
        Enrollment holder = enroll(1, o);
        Enrollment waiting = enroll(3, o);
        asCitizen(1, () -> enrollments.cancel(holder.id(), null));
        HouseholdEnrollments section = citizenRecord(3);
        Enrollment row = IntStream.range(0, test(section.grid).size()).mapToObj(i -> test(section.grid).getRow(i))
                .filter(e -> e.id().equals(waiting.id())).findFirst().orElseThrow();
        section.decline(row);
        assertThat(enrollments.enrollment(waiting.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        test(button(section.dialog, section.getTranslation("enrolHousehold.decline"))).click();
        assertThat(enrollments.enrollment(waiting.id()).status()).isEqualTo(EnrollmentStatus.DECLINED);
    }

    // ---- ADMIN caps ----------------------------------------------------------------------------------

    @Test
    @WithUserDetails("desk-admin")
    void admin_adds_and_deletes_a_cap_and_a_rule_without_scope_is_refused_at_the_field() {
        CapRulesView view = AopTestUtils.getUltimateTargetObject(navigate(CapRulesView.class));
        int before = test(view.grid).size();
        view.max.setValue(2);
        test(view.add).click();
        assertThat(view.audience.isInvalid()).isTrue();
        assertThat(view.audience.getErrorMessage()).isEqualTo(view.getTranslation("enrollment.validation.capScope"));
        assertThat(test(view.grid).size()).isEqualTo(before);

        view.audience.setValue(java.util.Optional.of(Audience.ADULT));
        view.max.setValue(99);
        test(view.add).click();
        assertThat(view.max.getErrorMessage()).isEqualTo(view.getTranslation("enrollment.validation.capMax"));
        assertThat(test(view.grid).size()).isEqualTo(before);

        view.max.setValue(2);
        test(view.add).click();
        assertThat(test(view.grid).size()).isEqualTo(before + 1);
        String scope = view.getTranslation("enrolCaps.scopeAudience", view.getTranslation("audience.ADULT"));
        assertThat(lastNotification()).isEqualTo(view.getTranslation("enrolCaps.added", scope, 2));
        assertThat(capRules.capRules()).anySatisfy(r -> {
            assertThat(r.audience()).isEqualTo(Audience.ADULT);
            assertThat(r.max()).isEqualTo(2);
        });

        view.confirmDelete(capRules.capRules().stream().filter(r -> r.audience() == Audience.ADULT).findFirst().orElseThrow());
        test(button(view.dialog, view.getTranslation("enrolCaps.delete"))).click();
        assertThat(test(view.grid).size()).isEqualTo(before);
        assertThat(capRules.capRules()).noneMatch(r -> r.audience() == Audience.ADULT);
    }

    // ---- who may open these pages ----------------------------------------------------------------------

    /** The signed-in user gets the access-denied page (403), not the not-found one a missing route would give. */
    private void refused(String path) {
        UI.getCurrent().navigate(path);
        assertThat(getCurrentView()).as(path).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    @WithUserDetails("desk-citizen")
    void a_citizen_is_refused_the_staff_enrolment_pages() {
        OfferingId o = fixture.offering(1, 0);
        for (String path : List.of("staff/enrollments", "staff/enrollments/" + o.value(), "admin/enrollment-caps")) {
            refused(path);
        }
    }

    @Test
    @WithUserDetails("desk-instructor")
    void an_instructor_is_refused_the_staff_enrolment_pages() {
        OfferingId o = fixture.offering(1, 0);
        for (String path : List.of("staff/enrollments", "staff/enrollments/" + o.value(), "admin/enrollment-caps")) {
            refused(path);
        }
    }

    @Test
    @WithUserDetails("desk-staff")
    void staff_are_refused_the_admin_caps_page() {
        refused("admin/enrollment-caps");
    }
}
