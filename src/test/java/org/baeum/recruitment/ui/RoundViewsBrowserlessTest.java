package org.baeum.recruitment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.DependantDraft;
import org.baeum.account.HouseholdService;
import org.baeum.account.Relation;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.UiLocale;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.Application;
import org.baeum.recruitment.ApplicationStatus;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.RoundDraws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.util.AopTestUtils;

/**
 * The citizens' lottery pages: the public list of rounds, a round's page with the application form for citizens only
 * (a sign-in link for visitors, nothing for staff), ranked choices with refusals at the field and nothing stored,
 * withdrawing until the close, and the result from the stored draw record afterwards.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.recruitment.PausedDrawJob.class)
class RoundViewsBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    MutableClock clock;
    @Autowired
    RoundDraws draws;
    @Autowired
    RoundDrawsService records;
    @Autowired
    Applications applications;
    @Autowired
    CatalogService catalogService;
    @Autowired
    UiLocale uiLocale;

    static RoundFixture rounds;
    static EnrollmentFixture catalog;
    static BaeumUser staff;
    static BaeumUser a;
    static BaeumUser b;
    static BaeumUser c;
    static BaeumUser family;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalogService, @Autowired MutableClock clock,
                     @Autowired RoundService service, @Autowired HouseholdService households) {
        DemoCatalogFixture.load(contributors);
        catalog = new EnrollmentFixture(catalogService, clock);
        staff = accounts.create("roundpages-staff", Role.STAFF);
        rounds = new RoundFixture(service, clock, staff);
        a = accounts.citizen("roundpages.a@test.baeum", "가신청", LocalDate.of(1980, 1, 1));
        b = accounts.citizen("roundpages.b@test.baeum", "나신청", LocalDate.of(1981, 1, 1));
        c = accounts.citizen("roundpages.c@test.baeum", "다신청", LocalDate.of(1982, 1, 1));
        family = accounts.citizen("roundpages.family@test.baeum", "라가족", LocalDate.of(1979, 1, 1));
        as(family, () -> households.addDependant(new DependantDraft("라아이", LocalDate.of(2016, 3, 3), Relation.CHILD)));
    }

    @BeforeEach
    void korean() {
        uiLocale.switchTo(UI.getCurrent(), Locale.KOREAN);
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void the_public_list_shows_each_round_with_its_status_phases_and_commitment() {
        Round round = rounds.open("LIST", List.of(catalog.offering(5, 0)));
        UI.getCurrent().navigate("rounds");
        assertThat(getCurrentView()).isInstanceOf(RoundsView.class);
        ListItem card = $(ListItem.class).all().stream().filter(li -> li.hasClassName("baeum-round-card"))
                .filter(li -> text(li).contains(round.commitment())).findFirst().orElseThrow();
        assertThat(text(card)).contains("시험 회차").contains("신청 중")
                .contains("추첨: " + Formats.dateTime(round.lottery().opensAt(), Locale.KOREAN) + " ~ "
                        + Formats.dateTime(round.lottery().closesAt(), Locale.KOREAN) + " (진행 중)")
                .contains("선착순: ");
        assertThat($(Anchor.class, card).first().getHref()).isEqualTo("rounds/" + round.id().value());
    }

    @Test
    void a_visitor_sees_the_round_and_a_sign_in_link_that_returns_but_no_form() {
        OfferingId one = catalog.offering(5, 0);
        Round round = rounds.open("ANON", List.of(one));
        RoundView view = open(round);
        assertThat(text(view)).contains(title(one)).contains("남은 자리 5 / 5").contains(round.commitment());
        assertThat(view.form).isNull();
        assertThat(view.mine).isNull();
        assertThat($(ApplyForm.class).exists()).isFalse();
        assertThat(view.signIn.getText()).isEqualTo("로그인하고 신청");
        assertThat(view.signIn.getHref()).isEqualTo("rounds/" + round.id().value() + "/apply");
        assertThat($(H1.class).single().getText()).isEqualTo("시험 회차");
        assertThat($(H2.class).all()).extracting(H2::getText)
                .containsExactly("일정", "모집 강좌", "공개 추첨", "추첨 신청");

        UI.getCurrent().navigate(view.signIn.getHref()); // the portal's access control: to sign-in, keeping the address
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("LoginView");
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT))
                .isEqualTo("rounds/" + round.id().value() + "/apply");
    }

    @Test
    void staff_see_the_round_but_no_application_form() {
        Round round = rounds.open("STAFF", List.of(catalog.offering(5, 0)));
        signIn(staff);
        RoundView view = open(round);
        assertThat(view.form).isNull();
        assertThat(view.signIn).isNull();
        assertThat($(ApplyForm.class).exists()).isFalse();
        assertThat(text(view)).contains("시험 회차").doesNotContain("로그인하고 신청");
    }

    @Test
    void a_citizen_applies_with_two_ranked_choices_and_sees_the_number_and_when_results_come() {
        OfferingId one = catalog.offering(5, 0);
        OfferingId two = catalog.offering(5, 0);
        Round round = rounds.open("APPLY", List.of(one, two));
        signIn(a);
        RoundView view = open(round);
        ApplyForm form = view.form;
        assertThat(form.who.getValue().participant().name()).isEqualTo("가신청");
        assertThat(form.choices).extracting(s -> s.getLabel()).containsExactly("1지망", "2지망", "3지망");
        // required in words: the select's required indicator would put aria-required on a button (axe refuses it)
        assertThat(form.choices.getFirst().getHelperText()).isEqualTo("필수: 가장 원하는 강좌를 고르세요.");
        assertThat(form.choices.getFirst().isRequiredIndicatorVisible()).isFalse();
        form.choices.get(0).setValue(two);
        form.choices.get(1).setValue(one);
        test(form.submit).click();

        String announced = Formats.dateTime(round.lottery().closesAt(), Locale.KOREAN);
        assertThat(form.done.isVisible()).isTrue();
        assertThat(text(form.done)).contains("추첨 신청 완료 — 발표 " + announced).contains(form.last.number());
        assertThat(form.last.number()).startsWith(round.id().value() + "-");
        List<Application> mine = as(a, applications::mine);
        assertThat(mine).filteredOn(x -> x.round().equals(round.id())).singleElement()
                .satisfies(x -> assertThat(x.choices()).containsExactly(two, one));
        assertThat(cards(view.mine)).singleElement().satisfies(t -> assertThat(t).contains(form.last.number())
                .contains("1지망: " + title(two)).contains("2지망: " + title(one))
                .contains("신청 완료 — 발표 " + announced).contains("가신청"));

        form.choices.get(0).setValue(one); // again for the same person: refused in words, nothing more stored
        test(form.submit).click();
        assertThat(form.status.getText()).isEqualTo(view.getTranslation("application.refused.ALREADY_APPLIED"));
        assertThat(as(a, applications::mine)).filteredOn(x -> x.round().equals(round.id())).hasSize(1);
    }

    @Test
    void a_repeated_choice_is_refused_at_its_field_and_nothing_is_stored() {
        OfferingId one = catalog.offering(5, 0);
        OfferingId two = catalog.offering(5, 0);
        Round round = rounds.open("REPEAT", List.of(one, two));
        signIn(b);
        ApplyForm form = open(round).form;
        form.choices.get(0).setValue(one);
        form.choices.get(1).setValue(one);
        test(form.submit).click();
        assertThat(form.choices.get(1).isInvalid()).isTrue();
        assertThat(form.choices.get(1).getErrorMessage())
                .isEqualTo("희망 강좌를 1~3개, 중복 없이 순서대로 고르세요.");
        assertThat(form.choices.get(0).isInvalid()).isFalse();
        assertThat(form.done.isVisible()).isFalse();
        assertThat(as(b, applications::mine)).noneMatch(x -> x.round().equals(round.id()));
    }

    @Test
    void a_citizen_withdraws_before_the_close_and_the_button_is_gone_after_it() {
        OfferingId one = catalog.offering(5, 0);
        Round round = rounds.open("WITHDRAW", List.of(one));
        String first = as(c, () -> applications.apply(round.id(), null, List.of(one), false)).number();
        signIn(c);
        RoundView view = open(round);
        test(view.mine.withdrawButtons.get(first)).click();
        assertThat(view.mine.dialog.getHeaderTitle()).isEqualTo("추첨 신청을 취소할까요?");
        test($(Button.class, view.mine.dialog).all().stream()
                .filter(x -> x.hasClassName("baeum-application-withdraw-confirm")).findFirst().orElseThrow()).click();
        assertThat(view.mine.status.getText()).isEqualTo("신청 " + first + "을(를) 취소했습니다.");
        assertThat(cards(view.mine)).singleElement().satisfies(t -> assertThat(t).contains("신청 취소"));
        assertThat(view.mine.withdrawButtons).isEmpty();
        assertThat(as(c, applications::mine)).filteredOn(x -> x.number().equals(first))
                .extracting(Application::status).containsExactly(ApplicationStatus.WITHDRAWN);

        String second = as(c, () -> applications.apply(round.id(), null, List.of(one), false)).number();
        view = open(round);
        assertThat(view.mine.withdrawButtons).containsOnlyKeys(second);
        clock.advance(Duration.ofDays(1)); // past the close
        view = open(round);
        assertThat(view.form).isNull();
        assertThat(view.mine.withdrawButtons).isEmpty();
        assertThat(cards(view.mine)).anySatisfy(t -> assertThat(t).contains(second).contains("추첨 중"));
    }

    @Test
    void after_the_draw_the_winner_and_the_loser_see_their_results_from_the_stored_record() {
        OfferingId one = catalog.offering(1, 0);
        Round round = rounds.open("RESULT", List.of(one));
        String fromA = as(a, () -> applications.apply(round.id(), null, List.of(one), false)).number();
        String fromB = as(b, () -> applications.apply(round.id(), null, List.of(one), false)).number();
        clock.advance(Duration.ofDays(1));
        SystemIdentity.call(draws::runDue);
        DrawRecord record = records.record(round.id());
        boolean aWon = record.results().stream().filter(r -> r.number().equals(fromA)).findFirst().orElseThrow().won();
        BaeumUser winner = aWon ? a : b;
        BaeumUser loser = aWon ? b : a;

        signIn(winner);
        UI.getCurrent().navigate("my/applications");
        MyApplicationsView mine = AopTestUtils.getUltimateTargetObject(getCurrentView()); // @RolesAllowed: a proxy
        String deadline = Formats.dateTime(round.confirmationDeadline(), Locale.KOREAN);
        assertThat(cards(mine.list)).filteredOn(t -> t.contains(aWon ? fromA : fromB)).singleElement()
                .satisfies(t -> assertThat(t).contains("당첨: " + title(one))
                        .contains("확정은 내 학습에서, 마감 " + deadline).contains("추첨 기록 보기"));
        assertThat($(Anchor.class, mine.list).all()).extracting(Anchor::getHref)
                .contains("my/learning", "rounds/" + round.id().value() + "/draw");

        signIn(loser);
        RoundView view = open(round);
        assertThat(cards(view.mine)).singleElement().satisfies(t -> assertThat(t).contains(aWon ? fromB : fromA)
                .contains("낙첨").contains("대기자로 등록됨").doesNotContain("당첨:"));
    }

    @Test
    void a_household_applies_as_one_entry_and_sees_everyone_it_covers() {
        OfferingId one = catalog.offering(5, 0);
        Round round = rounds.open("FAMILY", List.of(one));
        signIn(family);
        ApplyForm form = open(round).form;
        List<ApplyForm.Who> options = form.who.getListDataView().getItems().toList();
        assertThat(options).extracting(form.who.getItemLabelGenerator()::apply)
                .containsExactly("본인(라가족)", "라아이", "가족 모두 함께(2명) — 함께 당첨되거나 함께 낙첨됩니다");
        form.who.setValue(options.getLast());
        form.choices.getFirst().setValue(one);
        test(form.submit).click();
        assertThat(form.last.household()).isTrue();
        assertThat(form.last.seats()).isEqualTo(2);
        RoundView view = (RoundView) getCurrentView();
        assertThat(cards(view.mine)).singleElement().satisfies(t -> assertThat(t)
                .contains("가족 모두 함께(2명) — 라가족, 라아이"));

        uiLocale.switchTo(UI.getCurrent(), Locale.ENGLISH);
        view = open(round);
        assertThat(cards(view.mine)).singleElement().satisfies(t -> assertThat(t)
                .contains("Application " + form.last.number()).contains("Choice 1: ")
                .contains("The whole household (2 people)"));
        assertThat(view.form.choices.getFirst().getLabel()).isEqualTo("Choice 1");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private RoundView open(Round round) {
        UI.getCurrent().navigate("rounds/" + round.id().value());
        assertThat(getCurrentView()).isInstanceOf(RoundView.class);
        return (RoundView) getCurrentView();
    }

    private List<String> cards(ApplicationList list) {
        return $(ListItem.class, list.cards).all().stream().filter(li -> li.hasClassName("baeum-application-card"))
                .map(RoundViewsBrowserlessTest::text).toList();
    }

    private String title(OfferingId id) {
        return catalogService.offering(id).orElseThrow().title(Locale.KOREAN);
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    /** Signs in as a real sign-in does (thread and session), in a fresh browserless session built for the user. */
    private void signIn(BaeumUser user) {
        TestAccounts.signOut();
        cleanVaadinEnvironment();
        TestAccounts.signIn(user);
        initVaadinEnvironment();
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, SecurityContextHolder.getContext());
        uiLocale.switchTo(UI.getCurrent(), Locale.KOREAN);
    }

    /** Runs as another user in the middle of a test, whose own signed-in user comes back afterwards. */
    private static <T> T as(BaeumUser user, Supplier<T> work) {
        var session = VaadinSession.getCurrent();
        com.vaadin.flow.internal.CurrentInstance.set(VaadinSession.class, null);
        var previous = SecurityContextHolder.getContext();
        TestAccounts.signIn(user);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            VaadinSession.setCurrent(session);
        }
    }
}
