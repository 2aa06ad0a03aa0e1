package org.baeum.enrollment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.PaymentState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** 나의 배움: offers, classes, waiting lists and history, and every action there with its confirmation. */
@BaeumIntegrationTest
class MyLearningViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    CitizenEnrollments enrollments;

    @Autowired
    EnrollmentDesk enrollmentDesk;
    @Autowired
    org.baeum.recruitment.RoundService rounds;
    @Autowired
    org.baeum.MutableClock clock;

    static EnrollmentFixture fixture;
    static BaeumUser other;
    static BaeumUser third;

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        accounts.citizen("ml-citizen@example.com", "배우미", LocalDate.of(1982, 3, 3));
        accounts.citizen("ml-empty@example.com", "처음이", LocalDate.of(1982, 3, 3));
        accounts.citizen("ml-cancel@example.com", "취소해", LocalDate.of(1983, 4, 4));
        other = accounts.citizen("ml-other@example.com", "다른이", LocalDate.of(1990, 1, 1));
        third = accounts.citizen("ml-third@example.com", "세번째", LocalDate.of(1991, 1, 1));
        accounts.citizen("ml-rereg@example.com", "또배움", LocalDate.of(1975, 7, 7));
    }

    private MyLearningView open() {
        return AopTestUtils.getUltimateTargetObject(navigate(MyLearningView.class));
    }

    private static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    private List<String> cards(com.vaadin.flow.component.html.UnorderedList list) {
        return $(ListItem.class, list).all().stream().map(MyLearningViewBrowserlessTest::text).toList();
    }

    private Button confirm(MyLearningView view) {
        return $(Button.class, view.dialog).all().stream().filter(b -> b.hasClassName("baeum-learning-confirm"))
                .findFirst().orElseThrow();
    }

    @BeforeEach
    void signedInSession() {
        Scenes.signedInSession();
    }

    @Test
    @WithUserDetails("ml-empty@example.com")
    void a_newcomer_sees_each_section_with_a_heading_and_what_to_do() {
        MyLearningView view = open();
        assertThat($(H2.class, view).all()).extracting(H2::getText)
                .containsExactly("답을 기다리는 자리 제안", "수강 중이거나 곧 시작하는 강좌", "대기 중인 강좌", "지난 기록");
        assertThat(view.noUpcoming.isVisible()).isTrue();
        assertThat(text(view.noUpcoming)).contains(view.getTranslation("learning.none.upcoming")).contains("강좌 찾기");
        assertThat(view.history.isVisible()).isFalse();
        assertThat(view.getPageTitle()).startsWith("나의 배움");
    }

    @Test
    @WithUserDetails("ml-citizen@example.com")
    void classes_waiting_lists_and_offers_each_have_their_place_and_actions() {
        OfferingId paid = fixture.offering(5, 40_000);
        OfferingId full = fixture.offering(1, 0);
        OfferingId offered = fixture.offering(1, 10_000);
        Enrollment mine = enrollments.enroll(paid, null, UUID.randomUUID().toString());
        Scenes.enroll(enrollments, other, full);
        Enrollment waiting = enrollments.enroll(full, null, UUID.randomUUID().toString());
        Enrollment taken = Scenes.enroll(enrollments, third, offered);
        Enrollment offer = enrollments.enroll(offered, null, UUID.randomUUID().toString());
        Scenes.cancel(enrollments, third, taken);

        MyLearningView view = open();
        assertThat(cards(view.upcoming)).singleElement().satisfies(c -> assertThat(c)
                .contains(mine.offeringTitleKo()).contains("배우미").contains("신청 완료").contains("40,000원")
                .contains("납부: 미납").contains("첫 수업:").contains("온라인 취소는").contains("까지 할 수 있습니다."));
        assertThat(cards(view.waiting)).singleElement().satisfies(c -> assertThat(c)
                .contains(waiting.offeringTitleKo()).contains("대기 1번째"));
        assertThat(cards(view.offers)).singleElement().satisfies(c -> assertThat(c)
                .contains(offer.offeringTitleKo()).contains("자리 제안").contains("까지 답해 주세요."));
        Button accept = view.buttons.get(offer.id().value() + ":accept");
        assertThat(accept.getAriaLabel()).contains("제안 수락: " + offer.offeringTitleKo());
        assertThat(view.noOffers.isVisible()).isFalse();

        test(accept).click();
        assertThat(view.status.getText()).isEqualTo(view.getTranslation("enrol.result.accepted"));
        assertThat(cards(view.offers)).isEmpty();
        assertThat(view.noOffers.isVisible()).isTrue();
        assertThat(cards(view.upcoming)).hasSize(2);

        test(view.buttons.get(waiting.id().value() + ":leave")).click();
        assertThat(view.dialog.getHeaderTitle()).isEqualTo("대기를 취소할까요?");
        test(confirm(view)).click();
        assertThat(view.status.getText()).isEqualTo("대기를 취소했습니다.");
        assertThat(cards(view.waiting)).isEmpty();
        assertThat(view.history.isVisible()).isTrue();
        assertThat(test(view.history).size()).isEqualTo(1);
        assertThat(test(view.history).getCellText(0, 2)).isEqualTo("대기 취소");
    }

    @Test
    @WithUserDetails("ml-rereg@example.com")
    void a_learner_keeps_their_place_for_next_term_from_my_learning() {
        OfferingId now = fixture.offering(5, 0);
        OfferingId next = fixture.offering(5, 30_000);
        enrollments.enroll(now, null, UUID.randomUUID().toString());
        java.time.Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.time.Instant lottery = at.plus(java.time.Duration.ofHours(2));
        org.baeum.base.security.SystemIdentity.run(() -> rounds.create(new org.baeum.recruitment.RoundDraft(
                "ML-REREG-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(), "다음 분기", "Next term",
                List.of(next), List.of(
                        new org.baeum.recruitment.RoundPhase(org.baeum.recruitment.RoundPhaseKind.RE_REGISTRATION,
                                at.minus(java.time.Duration.ofHours(1)), lottery),
                        new org.baeum.recruitment.RoundPhase(org.baeum.recruitment.RoundPhaseKind.LOTTERY, lottery,
                                lottery.plus(java.time.Duration.ofDays(1)))),
                lottery.plus(java.time.Duration.ofDays(2)), false, org.baeum.recruitment.ReservedShare.NONE, null,
                List.of(new org.baeum.recruitment.Continuation(next, now)))));

        MyLearningView view = open();
        assertThat(view.reRegistration.isVisible()).isTrue();
        assertThat(text(view.reRegistration)).contains("재등록").contains("또배움").contains("재등록 마감:");
        Button keep = view.reRegistration.buttons.values().iterator().next();
        assertThat(keep.getAriaLabel().orElseThrow()).contains("또배움");

        test(keep).click();
        assertThat(view.status.getText()).contains("재등록되었습니다");
        assertThat(text(view.reRegistration)).contains("재등록 완료");
        assertThat(view.reRegistration.buttons).isEmpty();
        assertThat(cards(view.upcoming)).hasSize(2).anySatisfy(c -> assertThat(c).contains("30,000원"));
    }

    @Test
    @WithUserDetails("ml-cancel@example.com")
    void cancelling_states_the_refund_and_the_cut_off_before_anything_changes() {
        OfferingId unpaid = fixture.offering(5, 25_000);
        OfferingId paid = fixture.offering(5, 30_000);
        Enrollment owes = enrollments.enroll(unpaid, null, UUID.randomUUID().toString());
        Enrollment settled = enrollments.enroll(paid, null, UUID.randomUUID().toString());
        SystemIdentity.run(() -> enrollmentDesk.recordPayment(settled.id(), PaymentState.PAID, "창구 카드 결제"));

        MyLearningView view = open();
        test(view.buttons.get(owes.id().value() + ":cancel")).click();
        assertThat(view.dialog.getHeaderTitle()).isEqualTo("신청을 취소할까요?");
        assertThat(text(view.dialog)).contains(view.getTranslation("learning.cancel.unpaid")).contains("온라인 취소는");
        test($(Button.class, view.dialog).all().stream().filter(b -> b.getText().equals("돌아가기")).findFirst().orElseThrow()).click();
        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(enrollments.enrollment(owes.id()).status()).as("going back changes nothing").isEqualTo(EnrollmentStatus.ENROLLED);

        test(view.buttons.get(settled.id().value() + ":cancel")).click();
        assertThat(text(view.dialog)).contains("돌려받을 금액: 30,000원 (낸 수강료 30,000원)")
                .contains("수업 시작 전: 전액 반환 (평생교육법 시행령 별표 3)");
        test(confirm(view)).click();
        assertThat(view.status.getText()).isEqualTo("신청을 취소했습니다. 돌려받을 금액: 30,000원, "
                + org.baeum.base.i18n.Formats.date(java.time.LocalDate.now(clock.withZone(org.baeum.base.i18n.Formats.SEOUL))
                .plusDays(5), java.util.Locale.KOREAN) + "까지 돌려드립니다.");
        assertThat(enrollments.enrollment(settled.id()).status()).isEqualTo(EnrollmentStatus.CANCELLED);
        assertThat(test(view.history).getCellText(0, 0)).isEqualTo(settled.offeringTitleKo());
        assertThat(test(view.history).getCellText(0, 2)).isEqualTo("취소");
        assertThat(test(view.history).getCellText(0, 5))
                .isEqualTo("환불 30,000원 · 수업 시작 전: 전액 반환 (평생교육법 시행령 별표 3)");
    }
}
