package org.baeum.recruitment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.RouterLink;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.UiLocale;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.ui.AccessDeniedView;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.PausedDrawJob;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundPhaseKind;
import org.baeum.recruitment.RoundService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The staff round pages: the list with each round's applications; the new-round form, whose problems show at their
 * fields (a phase's on its row) and store nothing, and which creates a round when right; a round's page with its
 * counts per offering, the link to the public draw page and a dry-run draw marked as a test; a citizen is refused both.
 */
@BaeumIntegrationTest
@ExtendWith(PausedDrawJob.class)
class StaffRoundViewsBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    MutableClock clock;
    @Autowired
    RoundService rounds;
    @Autowired
    CatalogService catalog;
    @Autowired
    UiLocale uiLocale;

    static Round round;
    static OfferingId one;
    static OfferingId two;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired MutableClock clock, @Autowired RoundService service,
                     @Autowired Applications applications) {
        DemoCatalogFixture.load(contributors);
        EnrollmentFixture offerings = new EnrollmentFixture(catalog, clock);
        one = offerings.offering(2, 0);
        two = offerings.offering(7, 0);
        round = new RoundFixture(service, clock, accounts.create("rounds-staff", Role.STAFF)).open("DESK", List.of(one, two));
        accounts.citizen("rounds.citizen@test.baeum", "회차시민", LocalDate.of(1984, 4, 4));
        List<BaeumUser> citizens = accounts.citizens("rounds.applicant", "신청", 3, LocalDate.of(1975, 1, 1));
        as(citizens.get(0), () -> applications.apply(round.id(), null, List.of(one, two), false));
        as(citizens.get(1), () -> applications.apply(round.id(), null, List.of(one), false));
        as(citizens.get(2), () -> applications.apply(round.id(), null, List.of(two), false));
    }

    @BeforeEach
    void korean() {
        uiLocale.switchTo(UI.getCurrent(), Locale.KOREAN);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    @WithUserDetails("rounds-staff")
    void the_list_shows_each_round_with_its_status_window_and_applications() {
        StaffRoundsView view = AopTestUtils.getUltimateTargetObject(navigate(StaffRoundsView.class));
        StaffRoundsView.Line line = view.lines().stream().filter(l -> l.id().equals(round.id().value())).findFirst().orElseThrow();
        assertThat(line.title()).isEqualTo("시험 회차");
        assertThat(line.status()).isEqualTo("신청 중");
        assertThat(line.applications()).isEqualTo(3);
        assertThat(line.lottery()).isEqualTo(Formats.dateTime(round.lottery().opensAt(), Locale.KOREAN) + " ~ "
                + Formats.dateTime(round.lottery().closesAt(), Locale.KOREAN));
        assertThat(test(view.grid).size()).isEqualTo(view.lines().size());
        assertThat(view.form.phases.rows()).hasSize(1);
        assertThat(view.form.phases.rows().getFirst().kind.getLabel()).isEqualTo("1단계 종류");
        assertThat(view.form.phases.rows().getFirst().opens.getLabel()).isEqualTo("1단계 시작(서울 시각)");
    }

    @Test
    @WithUserDetails("rounds-staff")
    void a_bad_form_shows_each_problem_at_its_field_and_stores_nothing_then_a_good_one_creates_the_round() {
        StaffRoundsView view = AopTestUtils.getUltimateTargetObject(navigate(StaffRoundsView.class));
        RoundForm form = view.form;
        int before = view.lines().size();
        LocalDateTime now = LocalDateTime.now(clock.withZone(Formats.SEOUL)).truncatedTo(ChronoUnit.MINUTES);
        form.id.setValue("VIEW-NEW-1");
        form.titleKo.setValue("2027년 1분기 수영");
        form.titleEn.setValue("Swimming 2027 Q1");
        form.offerings.setValue(Set.of(offering(one), offering(two)));
        var lottery = form.phases.rows().getFirst();
        lottery.opens.setValue(now.plusDays(2));
        lottery.closes.setValue(now.plusDays(1)); // backwards
        test(form.phases.addButton()).click();
        var firstCome = form.phases.rows().get(1);
        firstCome.kind.setValue(RoundPhaseKind.FIRST_COME);
        firstCome.opens.setValue(now.plusHours(12)); // before the lottery phase closes: overlap
        firstCome.closes.setValue(now.plusDays(5));
        form.confirmationDeadline.setValue(now.plusDays(4));
        form.reservedPercent.setValue(60);
        form.reservedDistricts.setValue("mapo, seodaemun");

        test(form.create).click();
        assertThat(lottery.closes.isInvalid()).isTrue();
        assertThat(lottery.closes.getErrorMessage()).isEqualTo(view.getTranslation("round.validation.phaseBackwards"));
        assertThat(lottery.opens.isInvalid()).isFalse();
        assertThat(firstCome.opens.getErrorMessage()).isEqualTo(view.getTranslation("round.validation.phaseOverlap"));
        assertThat(firstCome.closes.isInvalid()).isFalse();
        assertThat(form.reservedPercent.getErrorMessage())
                .isEqualTo(view.getTranslation("round.validation.reservedPercent", 50));
        assertThat(form.id.isInvalid()).isFalse();
        assertThat(rounds.round(new RoundId("VIEW-NEW-1"))).as("nothing stored").isEmpty();
        assertThat(view.lines()).hasSize(before);

        lottery.opens.setValue(now.plusHours(1));
        lottery.closes.setValue(now.plusDays(1));
        firstCome.opens.setValue(now.plusDays(2));
        form.reservedPercent.setValue(20);
        test(form.create).click();
        assertThat(lottery.closes.isInvalid()).as("cleared once right").isFalse();
        Round created = rounds.round(new RoundId("VIEW-NEW-1")).orElseThrow();
        assertThat(created.titleEn()).isEqualTo("Swimming 2027 Q1");
        assertThat(created.offerings()).containsExactlyInAnyOrder(one, two);
        assertThat(created.phases()).extracting(p -> p.kind()).containsExactly(RoundPhaseKind.LOTTERY, RoundPhaseKind.FIRST_COME);
        assertThat(created.lottery().opensAt()).isEqualTo(now.plusHours(1).atZone(Formats.SEOUL).toInstant());
        assertThat(created.reserved().percent()).isEqualTo(20);
        assertThat(created.reserved().districts()).containsExactly("MAPO", "SEODAEMUN");
        assertThat(created.confirmationDeadline()).isEqualTo(now.plusDays(4).atZone(Formats.SEOUL).toInstant());
        assertThat(view.lines()).hasSize(before + 1);
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo(view.getTranslation("staffRounds.created", "VIEW-NEW-1", "2027년 1분기 수영"));
        assertThat(form.id.getValue()).as("the form is emptied").isEmpty();
        assertThat(form.phases.rows()).hasSize(1);
    }

    @Test
    @WithUserDetails("rounds-staff")
    void re_registration_needs_a_link_per_class_to_its_previous_term_run_which_the_form_stores() {
        StaffRoundsView view = AopTestUtils.getUltimateTargetObject(navigate(StaffRoundsView.class));
        RoundForm form = view.form;
        LocalDateTime now = LocalDateTime.now(clock.withZone(Formats.SEOUL)).truncatedTo(ChronoUnit.MINUTES);
        form.id.setValue("VIEW-REREG-1");
        form.titleKo.setValue("재등록 회차");
        form.titleEn.setValue("Re-registration round");
        form.offerings.setValue(Set.of(offering(one)));
        assertThat(form.continuations.pickers).containsOnlyKeys(one);
        assertThat(form.continuations.pickers.get(one).getLabel()).isEqualTo("%s의 지난 분기 강좌".formatted(label(one)));
        var reRegistration = form.phases.rows().getFirst();
        reRegistration.kind.setValue(RoundPhaseKind.RE_REGISTRATION);
        reRegistration.opens.setValue(now.plusHours(1));
        reRegistration.closes.setValue(now.plusDays(1));
        test(form.phases.addButton()).click();
        var lottery = form.phases.rows().get(1);
        lottery.kind.setValue(RoundPhaseKind.LOTTERY);
        lottery.opens.setValue(now.plusDays(1));
        lottery.closes.setValue(now.plusDays(2));
        form.confirmationDeadline.setValue(now.plusDays(3));

        test(form.create).click();
        assertThat(form.continuations.isInvalid()).isTrue();
        assertThat(form.continuations.getErrorMessage())
                .isEqualTo(view.getTranslation("round.validation.continuationsRequired"));
        assertThat(rounds.round(new RoundId("VIEW-REREG-1"))).as("nothing stored").isEmpty();

        form.continuations.pickers.get(one).setValue(offering(two));
        test(form.create).click();
        Round created = rounds.round(new RoundId("VIEW-REREG-1")).orElseThrow();
        assertThat(created.continuations()).containsExactly(new org.baeum.recruitment.Continuation(one, two));
        assertThat(created.previousOf(one)).contains(two);
    }

    @Test
    @WithUserDetails("rounds-staff")
    void a_rounds_page_shows_its_counts_the_draw_page_and_a_dry_run_marked_as_a_test() {
        UI.getCurrent().navigate("staff/rounds/" + round.id().value());
        RoundDetailView view = AopTestUtils.getUltimateTargetObject(getCurrentView());
        assertThat(view).isInstanceOf(RoundDetailView.class);
        assertThat(view.totals.getText()).isEqualTo("제출된 신청 3건, 필요한 좌석 3석(철회한 신청은 세지 않습니다).");
        assertThat(view.counts.getGenericDataView().getItems().toList()).containsExactly(
                new RoundDetailView.Count(label(one), 2, 2, 2), new RoundDetailView.Count(label(two), 7, 1, 2));
        assertThat(view.flagged.getGenericDataView().getItems().toList()).isEmpty();
        assertThat($(RouterLink.class).all()).extracting(RouterLink::getHref)
                .contains("rounds/" + round.id().value() + "/draw", "staff/rounds");
        com.vaadin.flow.component.html.Anchor export = $(com.vaadin.flow.component.html.Anchor.class).all().stream()
                .filter(a -> a.hasClassName("baeum-export")).findFirst().orElseThrow();
        assertThat(export.getElement().getTextRecursively()).isEqualTo("신청·결과 내려받기(XLSX)");
        assertThat(export.getHref()).as("a download link").isNotBlank();

        assertThat(view.preview.grid.isVisible()).isFalse();
        test(view.preview.run).click();
        assertThat(view.preview.run.getText()).isEqualTo("미리 추첨 (시험)");
        assertThat(view.preview.summary.getText()).isEqualTo("시험 추첨: 신청 3건 가운데 3건 당첨, 0건 낙첨(저장되지 않음).");
        assertThat(view.preview.grid.isVisible()).isTrue();
        assertThat(view.preview.grid.getGenericDataView().getItems().toList())
                .extracting(p -> p.winners().size()).containsExactly(2, 1);
        assertThat(rounds.round(round.id()).orElseThrow().status().name()).isEqualTo("OPEN");
    }

    @Test
    @WithUserDetails("rounds.citizen@test.baeum")
    void a_citizen_is_refused_both_pages() {
        for (String path : List.of("staff/rounds", "staff/rounds/" + round.id().value())) {
            UI.getCurrent().navigate(path);
            assertThat(getCurrentView()).as(path).isInstanceOf(AccessDeniedView.class);
        }
    }

    private Offering offering(OfferingId id) {
        return catalog.offering(id).orElseThrow();
    }

    private String label(OfferingId id) {
        return StaffRoundTexts.offering(offering(id), Locale.KOREAN);
    }

    private static <T> T as(BaeumUser user, Supplier<T> work) {
        TestAccounts.signIn(user);
        try {
            return work.get();
        } finally {
            TestAccounts.signOut();
        }
    }
}
