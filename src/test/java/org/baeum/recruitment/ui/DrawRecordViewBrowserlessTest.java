package org.baeum.recruitment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.UiLocale;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.internal.RoundDraws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public draw page as anyone sees it: only the commitment while the lottery is open, the application list with
 * the seed "not yet published" after the close, the seed, order and every result after the draw; an unknown round is
 * not found. The browser's own recomputation is tested on the decision's vectors in {@code DrawVerifyScriptIT}.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.recruitment.PausedDrawJob.class)
class DrawRecordViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    MutableClock clock;
    @Autowired
    RoundDraws draws;
    @Autowired
    Applications applications;
    @Autowired
    UiLocale uiLocale;

    static RoundFixture rounds;
    static EnrollmentFixture catalog;
    static BaeumUser a;
    static BaeumUser b;
    static BaeumUser c;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalogService, @Autowired MutableClock clock,
                     @Autowired RoundService service) {
        DemoCatalogFixture.load(contributors);
        catalog = new EnrollmentFixture(catalogService, clock);
        rounds = new RoundFixture(service, clock, accounts.create("drawpage-staff", Role.STAFF));
        a = accounts.citizen("drawpage.a@test.baeum", "가공개", LocalDate.of(1980, 1, 1));
        b = accounts.citizen("drawpage.b@test.baeum", "나공개", LocalDate.of(1981, 1, 1));
        c = accounts.citizen("drawpage.c@test.baeum", "다공개", LocalDate.of(1982, 1, 1));
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
    void after_the_draw_the_seed_the_order_and_every_result_are_shown_and_the_browser_is_asked_to_verify() {
        OfferingId one = catalog.offering(1, 0);
        OfferingId two = catalog.offering(1, 0);
        Round round = rounds.open("PAGE", List.of(one, two));
        String first = apply(a, round, List.of(one));
        String second = apply(b, round, List.of(one));
        String third = apply(c, round, List.of(two));

        open(round);
        assertThat(text(H1.class)).contains("시험 회차");
        assertThat(facts()).contains(round.commitment()).doesNotContain("공개 전");
        assertThat(paragraphs()).anyMatch(p -> p.startsWith("추첨 신청을 받는 중입니다."));
        assertThat($(Grid.class).exists()).isFalse();

        clock.advance(Duration.ofDays(1)); // an hour after the close, not drawn yet: the list, no seed
        open(round);
        assertThat(facts()).contains("공개 전");
        assertThat(rows()).extracting(DrawRecordView.Row::number).containsExactly(first, second, third);
        assertThat(rows()).extracting(DrawRecordView.Row::result).containsOnly("추첨 전");
        assertThat(status()).isEqualTo("추첨이 끝나 시드가 공개되면 이 브라우저에서 결과를 검증할 수 있습니다.");

        SystemIdentity.call(draws::runDue);
        open(round);
        assertThat(facts()).doesNotContain("공개 전").containsPattern("[0-9a-f]{64}");
        List<DrawRecordView.Row> rows = rows();
        assertThat(rows).extracting(DrawRecordView.Row::number).containsExactlyInAnyOrder(first, second, third);
        assertThat(rows).extracting(DrawRecordView.Row::rank).containsExactly("1", "2", "3");
        assertThat(rows).extracting(DrawRecordView.Row::weight).containsOnly(1);
        assertThat(rows).extracting(DrawRecordView.Row::seats).containsOnly(1);
        // one seat each: the third, alone in "two", wins it; of the two who want "one", the earlier in the order wins
        List<String> order = rows.stream().map(DrawRecordView.Row::number).toList();
        String winner = order.indexOf(first) < order.indexOf(second) ? first : second;
        String loser = winner.equals(first) ? second : first;
        assertThat(result(rows, third)).isEqualTo("당첨: " + catalogTitle(two));
        assertThat(result(rows, winner)).isEqualTo("당첨: " + catalogTitle(one));
        assertThat(result(rows, loser)).isEqualTo("낙첨");
        assertThat(rows).filteredOn(r -> r.number().equals(third)).extracting(DrawRecordView.Row::choices)
                .containsExactly(catalogTitle(two));
        assertThat(status()).isEqualTo("이 브라우저에서 추첨을 다시 계산하는 중입니다…");
        assertThat($(Paragraph.class).id(DrawRecordView.STATUS_ID).getElement().getAttribute("aria-live"))
                .isEqualTo("polite");
    }

    @Test
    void in_english_the_rule_and_the_results_are_translated() {
        OfferingId one = catalog.offering(1, 0);
        Round round = rounds.open("PAGEEN", List.of(one));
        apply(a, round, List.of(one));
        clock.advance(Duration.ofDays(1));
        SystemIdentity.call(draws::runDue);
        uiLocale.switchTo(UI.getCurrent(), Locale.ENGLISH);
        open(round);
        assertThat(text(H1.class)).isEqualTo("Test round — draw results");
        assertThat(paragraphs()).anyMatch(p -> p.startsWith("The rule: each application"))
                .contains("Rule id: baeum-draw/1 (the English text in the public record is normative)");
        assertThat(rows()).extracting(DrawRecordView.Row::result).containsExactly("Won: " + catalogTitle(one));
    }

    @Test
    void an_unknown_or_malformed_round_is_not_found() {
        UI.getCurrent().navigate("rounds/NO-SUCH-ROUND/draw");
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("NotFoundView");
        UI.getCurrent().navigate("rounds/not a round/draw");
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("NotFoundView");
    }

    @Autowired
    CatalogService catalogService;

    private String catalogTitle(OfferingId id) {
        return catalogService.offering(id).orElseThrow().title(UI.getCurrent().getLocale());
    }

    private void open(Round round) {
        UI.getCurrent().navigate("rounds/" + round.id().value() + "/draw");
        assertThat(getCurrentView()).isInstanceOf(DrawRecordView.class);
    }

    @SuppressWarnings("unchecked")
    private List<DrawRecordView.Row> rows() {
        Grid<DrawRecordView.Row> grid = $(Grid.class).single();
        return grid.getGenericDataView().getItems().toList();
    }

    private static String result(List<DrawRecordView.Row> rows, String number) {
        return rows.stream().filter(r -> r.number().equals(number)).findFirst().orElseThrow().result();
    }

    private String status() {
        return $(Paragraph.class).id(DrawRecordView.STATUS_ID).getText();
    }

    private String facts() {
        return $(DescriptionList.class).single().getElement().getTextRecursively();
    }

    private List<String> paragraphs() {
        return $(Paragraph.class).all().stream().map(Paragraph::getText).toList();
    }

    private String text(Class<? extends com.vaadin.flow.component.Component> type) {
        return $(type).single().getElement().getTextRecursively();
    }

    private String apply(BaeumUser who, Round round, List<OfferingId> choices) {
        return as(who, () -> applications.apply(round.id(), null, choices, false)).number();
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
