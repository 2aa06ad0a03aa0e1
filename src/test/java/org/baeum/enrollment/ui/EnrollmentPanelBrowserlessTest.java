package org.baeum.enrollment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.DependantDraft;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.Audience;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.CapRules;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Preview;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The one action on an offering's page, in each state, for the citizen and the household member they choose. */
@BaeumIntegrationTest
class EnrollmentPanelBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    CitizenEnrollments enrollments;

    @Autowired
    CapRules capRules;
    @Autowired
    HouseholdService households;
    @Autowired
    MutableClock clock;

    static EnrollmentFixture fixture;
    static BaeumUser other;
    static BaeumUser third;

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock) {
        DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        accounts.citizen("ap-citizen@example.com", "정신청", LocalDate.of(1985, 5, 5));
        accounts.citizen("ap-parent@example.com", "한부모", LocalDate.of(1984, 8, 8));
        accounts.citizen("ap-elder@example.com", "노어른", LocalDate.of(1950, 2, 2));
        other = accounts.citizen("ap-other@example.com", "남먼저", LocalDate.of(1990, 1, 1));
        third = accounts.citizen("ap-third@example.com", "셋째", LocalDate.of(1991, 1, 1));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private EnrollmentPanel open(OfferingId offering) {
        UI.getCurrent().navigate("catalog/offering/" + offering.value());
        return $(EnrollmentPanel.class).single();
    }

    private Button submit(EnrollmentPanel panel) {
        return $(Button.class, panel.dialog).all().stream().filter(b -> b.hasClassName("baeum-enrol-submit"))
                .findFirst().orElseThrow();
    }

    private static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    @BeforeEach
    void signedInSession() {
        Scenes.signedInSession();
    }

    @Test
    void a_visitor_who_is_not_signed_in_is_asked_to_sign_in() {
        OfferingId offering = fixture.offering(5, 10_000);
        UI.getCurrent().navigate("catalog/offering/" + offering.value());
        SignInToEnroll signIn = $(SignInToEnroll.class).single();
        assertThat(signIn.signIn.getHref()).isEqualTo("login");
        assertThat(signIn.signIn.getText()).isEqualTo(signIn.getTranslation("enrol.signIn"));
        assertThat($(EnrollmentPanel.class).all()).isEmpty();
    }

    @Test
    @WithUserDetails("ap-citizen@example.com")
    void enrolling_asks_for_confirmation_then_says_enrolled_and_a_double_click_enrols_once() {
        OfferingId offering = fixture.offering(3, 30_000);
        EnrollmentPanel panel = open(offering);
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.ENROL);
        assertThat(panel.participant.isAttached()).as("no choice for a household of one").isFalse();
        assertThat(panel.primary.getText()).isEqualTo("신청하기");

        test(panel.primary).click();
        assertThat(panel.dialog.isOpened()).isTrue();
        assertThat(panel.dialog.getHeaderTitle()).isEqualTo(panel.getTranslation("enrol.confirm.title"));
        assertThat(text(panel.dialog)).contains("정신청").contains("30,000원").contains("회 · ")
                .contains(panel.getTranslation("enrol.confirm.payment"));

        Button submit = submit(panel);
        assertThat(submit.isDisableOnClick()).isTrue();
        String key = panel.key;
        String title = $(H1.class).first().getText();
        test(submit).click();
        assertThat(panel.dialog.isOpened()).isFalse();
        assertThat(panel.status.getText()).isEqualTo(panel.getTranslation("enrol.result.enrolled", title));
        assertThat(panel.status.getText()).startsWith(title + " 신청이 완료되었습니다.");
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.ENROLLED);
        assertThat(text(panel.action)).contains("신청 완료").contains("나의 배움에서 보기");

        // the same click arriving twice (a double click that got through, a retry): the first answer, no second entry
        panel.enroll(key);
        assertThat(panel.status.getText()).isEqualTo(panel.getTranslation("enrol.result.enrolled", title));
        assertThat(enrollments.myEnrollments()).filteredOn(e -> e.offering().equals(offering)).hasSize(1);

    }

    @Test
    @WithUserDetails("ap-citizen@example.com")
    void a_full_class_offers_the_waitlist_with_the_count_and_answers_with_the_place_in_line() {
        OfferingId offering = fixture.offering(1, 0);
        Scenes.enroll(enrollments, other, offering);
        EnrollmentPanel panel = open(offering);
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.JOIN_WAITLIST);
        assertThat(panel.primary.getText()).isEqualTo("대기 신청 (현재 0명 대기)");

        test(panel.primary).click();
        assertThat(panel.dialog.getHeaderTitle()).isEqualTo(panel.getTranslation("enrol.confirm.waitlistTitle"));
        assertThat(text(panel.dialog)).contains("무료").contains(panel.getTranslation("enrol.confirm.waitlist", 0));
        test(submit(panel)).click();
        assertThat(panel.status.getText()).isEqualTo("대기자로 등록했습니다. 대기 1번째입니다. 자리가 나면 메일로 알려 드립니다.");
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.WAITLISTED);
        assertThat(text(panel.action)).contains("대기 1번째");

        Scenes.enroll(enrollments, third, offering);
        panel = open(offering);
        assertThat(text(panel.action)).as("still first in line after someone joined behind").contains("대기 1번째");
    }

    @Test
    @WithUserDetails("ap-citizen@example.com")
    void an_offer_shows_its_deadline_and_accepting_it_enrols() {
        OfferingId offering = fixture.offering(1, 20_000);
        Enrollment taken = Scenes.enroll(enrollments, other, offering);
        enrollments.enroll(offering, null, java.util.UUID.randomUUID().toString());
        Scenes.cancel(enrollments, other, taken);

        EnrollmentPanel panel = open(offering);
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.ACCEPT_OFFER);
        String until = EnrollTexts.dateTime(panel, panel.preview.enrollment().offerExpiresAt());
        assertThat(panel.primary.getText()).isEqualTo("제안 수락 (" + until + "까지)");
        assertThat(panel.secondary.getText()).isEqualTo("제안 사양");
        assertThat(text(panel.action)).contains("20,000원");

        test(panel.primary).click();
        assertThat(panel.status.getText()).isEqualTo(panel.getTranslation("enrol.result.accepted"));
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.ENROLLED);
    }

    @Test
    @WithUserDetails("ap-citizen@example.com")
    void declining_an_offer_asks_first_and_the_seat_goes_on() {
        OfferingId offering = fixture.offering(1, 0);
        Enrollment taken = Scenes.enroll(enrollments, other, offering);
        Enrollment mine = enrollments.enroll(offering, null, java.util.UUID.randomUUID().toString());
        Scenes.enroll(enrollments, third, offering);
        Scenes.cancel(enrollments, other, taken);

        EnrollmentPanel panel = open(offering);
        test(panel.secondary).click();
        assertThat(panel.dialog.getHeaderTitle()).isEqualTo(panel.getTranslation("enrol.decline.title"));
        panel.decline();
        assertThat(panel.status.getText()).isEqualTo(panel.getTranslation("enrol.result.declined"));
        assertThat(enrollments.enrollment(mine.id()).status()).isEqualTo(EnrollmentStatus.DECLINED);
        assertThat(Scenes.as(third, () -> enrollments.myEnrollments().getFirst().status())).isEqualTo(EnrollmentStatus.OFFERED);
    }

    @Test
    @WithUserDetails("ap-citizen@example.com")
    void before_the_window_opens_a_countdown_runs_and_at_zero_the_action_becomes_enrol_without_a_reload() {
        OfferingId offering = fixture.offering(5, 0); // opened an hour ago
        clock.advance(Duration.ofHours(-2).minusMinutes(30));
        EnrollmentPanel panel = open(offering);
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.NOT_OPEN_YET);
        assertThat(panel.primary).isNull();
        assertThat(panel.countdown.getText()).matches("01:[23]\\d:\\d\\d");
        assertThat(panel.countdown.getElement().getAttribute("role")).isEqualTo("timer");
        assertThat(panel.countdown.getElement().getAttribute("aria-live")).isEqualTo("off");
        assertThat(text(panel.action)).contains("신청 시작까지").contains("에 시작합니다.");

        clock.reset();
        panel.countdown.opened(); // what the browser calls at zero
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.ENROL);
        assertThat(panel.primary.getText()).isEqualTo("신청하기");
        assertThat(panel.status.getText()).isEqualTo(panel.getTranslation("enrol.nowOpen"));
    }

    @Test
    void the_countdown_reads_days_hours_minutes_and_seconds_in_each_language() {
        Duration left = Duration.ofDays(2).plusHours(3).plusMinutes(12).plusSeconds(5);
        assertThat(Countdown.format(left, "#일")).isEqualTo("2일 03:12:05");
        assertThat(Countdown.format(left, "# d")).isEqualTo("2 d 03:12:05");
        assertThat(Countdown.format(Duration.ofMillis(59_001), "#일")).isEqualTo("00:01:00");
        assertThat(Countdown.format(Duration.ZERO, "#일")).isEqualTo("00:00:00");
    }

    @Test
    @WithUserDetails("ap-parent@example.com")
    void a_parent_chooses_who_enrols_and_sees_why_a_child_cannot_take_an_adult_class() {
        households.addDependant(new DependantDraft("한아이", LocalDate.now().minusYears(9), Relation.CHILD));
        OfferingId adults = fixture.offering(5, 10_000, true, Audience.ADULT, 19, null);
        EnrollmentPanel panel = open(adults);
        assertThat(panel.participant.isAttached()).isTrue();
        assertThat(panel.participant.getListDataView().getItems().map(p -> panel.participant.getItemLabelGenerator().apply(p)))
                .containsExactly("한부모 (본인)", "한아이");
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.ENROL);

        Participant child = panel.participant.getListDataView().getItems().filter(p -> !p.self()).findFirst().orElseThrow();
        test(panel.participant).selectItem("한아이");
        assertThat(panel.participant.getValue()).isEqualTo(child);
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.NOT_POSSIBLE);
        assertThat(text(panel.action)).isEqualTo(panel.getTranslation("enrollment.refused.NOT_ELIGIBLE"));
        assertThat(panel.primary).isNull();
    }

    @Test
    @WithUserDetails("ap-third@example.com")
    void a_clash_is_named_in_the_pages_language_not_the_one_saved_at_sign_in() {
        List<OfferingId> pair = fixture.atTheSameTime(2, 5, 0);
        enrollments.enroll(pair.get(0), null, java.util.UUID.randomUUID().toString());
        String titleEn = catalogService.offering(pair.get(0)).orElseThrow().program().titleEn();
        String titleKo = catalogService.offering(pair.get(0)).orElseThrow().program().titleKo();
        assertThat(((BaeumUser) org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication().getPrincipal()).language()).as("saved at sign-in").isEqualTo(java.util.Locale.KOREAN);

        UI.getCurrent().setLocale(java.util.Locale.ENGLISH); // switched on the page after signing in
        EnrollmentPanel panel = open(pair.get(1));
        assertThat(panel.preview.clashes()).containsExactly(titleEn);
        test(panel.primary).click();
        assertThat(text(panel.dialog)).contains(panel.getTranslation("enrol.confirm.clashes", titleEn)).doesNotContain(titleKo);

        UI.getCurrent().setLocale(java.util.Locale.KOREAN);
        panel = open(pair.get(1));
        assertThat(panel.preview.clashes()).containsExactly(titleKo);
    }

    @Autowired
    CatalogService catalogService;

    @Test
    @WithUserDetails("ap-elder@example.com")
    void the_confirmation_shows_the_fee_after_the_elderly_reduction() {
        OfferingId offering = fixture.offering(5, 30_000);
        EnrollmentPanel panel = open(offering);
        assertThat(text(panel.action)).contains("15,000원").contains("50% 감면 적용").contains("원래 30,000원");
        test(panel.primary).click();
        assertThat(text(panel.dialog)).contains("15,000원 (만 65세 이상 50% 감면 적용, 원래 30,000원)");
    }

    @Test
    @WithUserDetails("ap-citizen@example.com")
    void a_closed_window_says_so_instead_of_offering_an_action() {
        OfferingId offering = fixture.offering(5, 0);
        // past its window's close (the fixture's later offerings start, and close, weeks later than its first ones)
        java.time.Instant closes = catalogService.offering(offering).orElseThrow().recruitment().closesAt();
        clock.advance(Duration.between(clock.instant(), closes).plusMinutes(1));
        EnrollmentPanel panel = open(offering);
        assertThat(panel.preview.action()).isEqualTo(Preview.Action.NOT_POSSIBLE);
        assertThat(text(panel.action)).isEqualTo("이 강좌의 신청 기간이 끝났습니다.");
    }

    @Test
    @WithUserDetails("ap-staff")
    void staff_see_no_citizen_action() {
        OfferingId offering = fixture.offering(5, 0);
        UI.getCurrent().navigate("catalog/offering/" + offering.value());
        assertThat($(EnrollmentPanel.class).all()).isEmpty();
        assertThat($(SignInToEnroll.class).all()).isEmpty();
    }

    @BeforeAll
    static void staff(@Autowired TestAccounts accounts) {
        accounts.create("ap-staff", org.baeum.base.security.Role.STAFF);
        admin = accounts.create("ap-admin", org.baeum.base.security.Role.ADMIN);
    }

    static BaeumUser admin;

    @Test
    @WithUserDetails("ap-citizen@example.com")
    void a_reached_cap_says_the_same_as_the_refusal_with_its_number_in_each_language() {
        org.baeum.enrollment.CapRule cap = Scenes.as(admin, () -> capRules.saveCapRule(
                new org.baeum.enrollment.CapRule(null, Audience.ADULT, null, 1)));
        try {
            OfferingId first = fixture.offering(5, 0, true, Audience.ADULT, null, null);
            OfferingId second = fixture.offering(5, 0, true, Audience.ADULT, null, null);
            enrollments.enroll(first, null, java.util.UUID.randomUUID().toString());
            org.baeum.enrollment.EnrollmentRefusedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    org.baeum.enrollment.EnrollmentRefusedException.class,
                    () -> enrollments.enroll(second, null, java.util.UUID.randomUUID().toString()));
            assertThat(refused.reason()).isEqualTo(org.baeum.enrollment.EnrollmentRefusedException.Reason.CAP_REACHED);

            EnrollmentPanel panel = open(second);
            assertThat(panel.preview.action()).isEqualTo(Preview.Action.NOT_POSSIBLE);
            assertThat(panel.preview.refusal()).isEqualTo(refused.reason());
            assertThat(panel.preview.refusalArguments()).containsExactly(refused.arguments());
            assertThat(text(panel.action)).isEqualTo(EnrollTexts.refusal(panel, refused))
                    .isEqualTo("이번 학기에 이런 강좌를 이미 1개 신청해서 더 신청할 수 없습니다.");

            UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
            panel = open(second);
            assertThat(text(panel.action)).isEqualTo(EnrollTexts.refusal(panel, refused)).contains("1");
        } finally {
            Scenes.as(admin, () -> {
                capRules.deleteCapRule(cap.id());
                return null;
            });
        }
    }

    @Test
    @WithUserDetails("ap-citizen@example.com")
    void a_lottery_offering_shows_that_it_recruits_by_lottery_and_offers_no_first_come_button() {
        OfferingId lottery = fixture.offering(5, 10_000, org.baeum.catalog.RecruitmentMethod.LOTTERY, List.of());

        EnrollmentPanel panel = open(lottery);

        assertThat(panel.preview.action()).isEqualTo(Preview.Action.NOT_POSSIBLE);
        assertThat(panel.preview.refusal()).isEqualTo(org.baeum.enrollment.EnrollmentRefusedException.Reason.LOTTERY_PHASE);
        assertThat(text(panel.action)).startsWith("이 강좌는 추첨으로 모집합니다");
        assertThat($(Button.class, panel).all()).noneMatch(b -> b.hasClassName("baeum-enrol-submit"));
    }
}
