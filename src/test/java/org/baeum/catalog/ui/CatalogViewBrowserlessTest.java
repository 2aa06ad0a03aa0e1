package org.baeum.catalog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.UiLocale;
import org.baeum.base.security.SystemIdentity;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalog in Korean (the visitor switched to it), and in English where a text is checked in both. */
@BaeumIntegrationTest
class CatalogViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    UiLocale uiLocale;
    @Autowired
    DaysOff daysOff;

    @BeforeEach
    void korean() {
        uiLocale.switchTo(UI.getCurrent(), Locale.KOREAN);
    }

    @BeforeAll
    static void demoCatalog(@Autowired List<DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
    }

    /** The result cards as the browser gets them: the markup of the result list. */
    private List<Element> cards() {
        String html = ((CatalogView) getCurrentView()).resultsHtml();
        return Jsoup.parseBodyFragment("<ul>" + html + "</ul>").select("ul > li");
    }

    private List<String> titles() {
        List<Element> cards = cards();
        assertThat(cards).allSatisfy(li -> {
            assertThat(li.hasClass("baeum-offering-card")).isTrue();
            assertThat(li.select("> h2")).hasSize(1);
            assertThat(li.select("> h2 > a[href^=catalog/offering/]")).hasSize(1);
        });
        return cards.stream().map(li -> li.selectFirst("> h2").text()).toList();
    }

    @Test
    void a_search_from_the_url_fills_the_form_and_lists_matching_classes() {
        UI.getCurrent().navigate("catalog", QueryParameters.simple(Map.of("q", "수영", "weekday", "saturday")));
        CatalogView view = (CatalogView) getCurrentView();
        assertThat($(TextField.class, view).first().getValue()).isEqualTo("수영");
        assertThat(titles()).isNotEmpty().allSatisfy(t -> assertThat(t).contains("수영"));
    }

    @Test
    void typing_a_search_puts_it_into_the_url() {
        navigate(CatalogView.class);
        TextField search = $(TextField.class).first();
        test(search).setValue("캘리");
        test($(com.vaadin.flow.component.button.Button.class).all().stream()
                .filter(b -> b.hasClassName("baeum-search-button")).findFirst().orElseThrow()).click();
        assertThat(UI.getCurrent().getActiveViewLocation().getQueryParameters().getParameters())
                .containsEntry("q", List.of("캘리"));
        assertThat(titles()).isNotEmpty().allSatisfy(t -> assertThat(t).contains("캘리그라피"));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Object> filter(String label) {
        return $(ComboBox.class).all().stream().filter(c -> label.equals(c.getLabel())).findFirst().orElseThrow();
    }

    private Button toggle() {
        return $(Button.class).all().stream().filter(b -> b.hasClassName("baeum-filter-toggle")).findFirst().orElseThrow();
    }

    /** The filter panel, found also when hidden (the query of the test API finds only visible components). */
    private Div panel() {
        return (Div) toggle().getParent().orElseThrow().getChildren()
                .filter(c -> c.getId().orElse("").equals(CatalogFilters.PANEL_ID)).findFirst().orElseThrow();
    }

    private Map<String, List<String>> url() {
        return UI.getCurrent().getActiveViewLocation().getQueryParameters().getParameters();
    }

    @Test
    void a_filter_from_the_url_opens_the_panel_in_its_box_and_choosing_one_puts_it_into_the_url() {
        UI.getCurrent().navigate("catalog", QueryParameters.simple(Map.of("weekday", "saturday")));
        assertThat(toggle().getElement().getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(toggle().getText()).isEqualTo("조건 (1개 적용 중)");
        assertThat(filter("요일").getValue()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        assertThat(filter("분야").getValue()).isNull();
        assertThat(filter("분야").getPlaceholder()).isEqualTo("전체");
        test(filter("시간대")).selectItem("저녁");
        assertThat(url()).containsEntry("weekday", List.of("saturday")).containsEntry("time", List.of("evening"));
        assertThat(filter("시간대").getValue()).isEqualTo(org.baeum.catalog.TimeOfDay.EVENING);
        assertThat(toggle().getText()).isEqualTo("조건 (2개 적용 중)");

        assertThat(test(filter("요일")).getSuggestions())
                .containsExactly("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일");
        filter("요일").clear(); // what its clear button does

        assertThat(url()).doesNotContainKey("weekday").containsEntry("time", List.of("evening"));
    }

    @Test
    void without_a_filter_in_the_url_the_panel_is_closed_and_has_no_field_until_opened() {
        UI.getCurrent().navigate("catalog", QueryParameters.simple(Map.of("q", "수영")));
        Button toggle = toggle();
        assertThat(toggle.getText()).isEqualTo("조건");
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(toggle.getElement().getAttribute("aria-controls")).isEqualTo(CatalogFilters.PANEL_ID);
        Div panel = panel();
        assertThat(panel.isVisible()).isFalse();
        assertThat(panel.getChildren()).isEmpty();
        assertThat($(ComboBox.class).all()).isEmpty();
        assertThat($(TextField.class).first().isVisible()).isTrue(); // the search box is always there

        test(toggle).click();
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(panel.isVisible()).isTrue();
        assertThat($(ComboBox.class).all()).hasSize(9);
        assertThat(filter("요일").getValue()).isNull();
        assertThat(url()).containsOnlyKeys("q"); // opening searches nothing

        test(filter("요일")).selectItem("토요일");
        assertThat(url()).containsEntry("q", List.of("수영")).containsEntry("weekday", List.of("saturday"));
        assertThat(titles()).isNotEmpty().allSatisfy(t -> assertThat(t).contains("수영"));
    }

    @Test
    void closing_the_panel_drops_its_fields_but_keeps_the_filters_and_a_search_keeps_them_too() {
        UI.getCurrent().navigate("catalog", QueryParameters.simple(Map.of("weekday", "saturday", "seats", "true")));
        List<String> filtered = titles();
        test(toggle()).click();
        assertThat(toggle().getElement().getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(toggle().getText()).isEqualTo("조건 (2개 적용 중)");
        assertThat($(ComboBox.class).all()).isEmpty();
        assertThat(panel().getChildren()).isEmpty();
        assertThat(url()).containsEntry("weekday", List.of("saturday")).containsEntry("seats", List.of("true"));
        assertThat(titles()).isEqualTo(filtered);

        test($(TextField.class).first()).setValue("수영");
        test($(Button.class).all().stream().filter(b -> b.hasClassName("baeum-search-button")).findFirst().orElseThrow())
                .click();
        assertThat(url()).containsEntry("q", List.of("수영")).containsEntry("weekday", List.of("saturday"))
                .containsEntry("seats", List.of("true"));
        assertThat(toggle().getElement().getAttribute("aria-expanded")).isEqualTo("false"); // stays as it was left

        test(toggle()).click();
        assertThat(filter("요일").getValue()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        test($(Button.class).all().stream().filter(b -> "조건 지우기".equals(b.getText())).findFirst().orElseThrow())
                .click();
        assertThat(url()).isEmpty();
        assertThat(toggle().getText()).isEqualTo("조건");
        assertThat(filter("요일").getValue()).isNull();
    }

    @Test
    void in_english_the_filter_button_counts_in_english() {
        uiLocale.switchTo(UI.getCurrent(), Locale.ENGLISH);
        UI.getCurrent().navigate("catalog", QueryParameters.simple(Map.of("free", "true", "sort", "title")));
        assertThat(toggle().getText()).isEqualTo("Filters (2 active)");
        test(toggle()).click();
        assertThat(toggle().getText()).isEqualTo("Filters (2 active)");
        assertThat(toggle().getElement().getAttribute("aria-expanded")).isEqualTo("false");
        UI.getCurrent().navigate("catalog", QueryParameters.empty());
        assertThat(toggle().getText()).isEqualTo("Filters");
    }

    @Test
    void a_title_is_text_in_the_card_never_markup_and_no_card_is_a_component() {
        UI.getCurrent().navigate("catalog", QueryParameters.empty());
        assertThat(titles()).hasSize(CatalogQuery.DEFAULT_SIZE);
        assertThat($(ListItem.class).all()).noneMatch(li -> li.hasClassName("baeum-offering-card"));

        Offering o = catalog.search(CatalogQuery.all()).items().getFirst();
        var p = o.program();
        String title = "<img src=x onerror=alert(1)> \"수영\" & <b>초급</b>";
        var program = new org.baeum.catalog.Program(p.id(), title, p.titleEn(), p.descriptionKo(), p.descriptionEn(),
                p.domain(), p.audience(), p.kind(), p.minAge(), p.maxAge(), p.branchId(), p.instructors(), p.fee(),
                p.feeReductionsApply(), p.format(), p.accessibility(), p.accessibilityNoteKo(), p.accessibilityNoteEn(),
                p.classification(), p.whatToBringKo(), p.whatToBringEn());
        Offering hostile = new Offering(o.id(), program, o.termId(), o.roomId(), o.schedule(), o.sessionDates(),
                o.capacity(), o.seatsTaken(), o.waitlistLength(), o.publication(), o.recruitment());
        String html = ResultCards.html((CatalogView) getCurrentView(), Locale.KOREAN, List.of(hostile), catalog.branches(), java.time.Instant.now());
        var card = Jsoup.parseBodyFragment("<ul>" + html + "</ul>");
        assertThat(card.select("img, b, script")).isEmpty();
        assertThat(card.select("li > h2 > a").text()).isEqualTo(title);
        assertThat(card.select("li > h2 > a").attr("href")).isEqualTo("catalog/offering/" + o.id().value());
    }

    @Test
    void an_unknown_filter_value_is_ignored_with_a_notice() {
        UI.getCurrent().navigate("catalog", QueryParameters.simple(Map.of("domain", "cooking")));
        assertThat($(Paragraph.class).all()).anySatisfy(p -> assertThat(p.getText())
                .isEqualTo("검색 조건 'domain'의 값 'cooking'을(를) 알 수 없어 무시했습니다."));
        assertThat(titles()).isNotEmpty();
    }

    @Test
    void the_detail_page_shows_every_session_date() {
        Offering offering = catalog.search(CatalogQuery.all()).items().getFirst();
        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", offering.id().value()));
        assertThat($(H1.class).first().getText()).isEqualTo(offering.program().titleKo());
        var dates = $(ListItem.class).all().stream().filter(li -> li.getParent().map(p -> p.hasClassName("baeum-session-dates"))
                .orElse(false)).toList();
        assertThat(dates).hasSize(offering.sessionDates().size());
    }

    @Test
    void the_detail_page_shows_the_classification_next_to_the_domain() {
        Offering swim = catalog.search(CatalogQuery.parse(Map.of("q", List.of("수영 초급"), "size", List.of("100"))))
                .items().getFirst();
        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", swim.id().value()));
        List<String> terms = $(com.vaadin.flow.component.html.DescriptionList.Term.class).all().stream()
                .map(t -> t.getElement().getTextRecursively()).toList();
        List<String> descriptions = $(com.vaadin.flow.component.html.DescriptionList.Description.class).all().stream()
                .map(d -> d.getElement().getTextRecursively()).toList();
        int at = terms.indexOf("평생교육 분류");
        assertThat(at).isEqualTo(terms.indexOf("분야") + 1);
        assertThat(descriptions.get(at)).isEqualTo("문화예술교육 · 레저생활스포츠");
    }

    @Test
    void the_detail_page_shows_what_to_bring_only_for_a_class_that_has_it() {
        Offering swim = catalog.search(CatalogQuery.parse(Map.of("q", List.of("수영 초급"), "size", List.of("100"))))
                .items().getFirst();
        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", swim.id().value()));
        List<String> terms = $(com.vaadin.flow.component.html.DescriptionList.Term.class).all().stream()
                .map(t -> t.getElement().getTextRecursively()).toList();
        List<String> descriptions = $(com.vaadin.flow.component.html.DescriptionList.Description.class).all().stream()
                .map(d -> d.getElement().getTextRecursively()).toList();
        assertThat(descriptions.get(terms.indexOf("준비물"))).isEqualTo("수영복, 수모, 물안경, 세면도구");

        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", twoPhases().id().value()));
        assertThat($(com.vaadin.flow.component.html.DescriptionList.Term.class).all().stream()
                .map(t -> t.getElement().getTextRecursively())).isNotEmpty().doesNotContain("준비물");
    }

    private Offering twoPhases() {
        return catalog.search(CatalogQuery.parse(Map.of("q", List.of("인문학"), "term", List.of("demo-3m-next"),
                "size", List.of("100")))).items().stream()
                .filter(o -> o.recruitment().phases().size() == 2 && o.recruitment().isOpen(java.time.Instant.now()))
                .findFirst().orElseThrow();
    }

    @Test
    void a_card_and_the_detail_page_show_each_recruitment_phase() {
        Offering offering = twoPhases();
        var draw = offering.recruitment().phases().get(0);
        var leftovers = offering.recruitment().phases().get(1);
        var day = java.time.format.DateTimeFormatter.ofPattern("M.d").withZone(java.time.ZoneId.of("Asia/Seoul"));
        UI.getCurrent().navigate("catalog", QueryParameters.simple(Map.of("q", "인문학", "term", "demo-3m-next", "size", "100")));
        Element card = cards().stream()
                .filter(li -> li.selectFirst("> h2").text().equals(offering.program().titleKo()))
                .filter(li -> li.text().contains("2차")).findFirst().orElseThrow();
        assertThat(card.select("> p")).anySatisfy(p -> assertThat(p.text()).isEqualTo(
                "모집: 1차 추첨 신청 " + day.format(draw.opensAt()) + "–" + day.format(draw.closesAt())
                        + " · 2차 선착순 " + day.format(leftovers.opensAt()) + "–" + day.format(leftovers.closesAt())));

        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", offering.id().value()));
        assertThat(phaseLines()).containsExactly(
                "1차 추첨 신청: " + Formats.dateTime(draw.opensAt(), Locale.KOREAN) + " ~ "
                        + Formats.dateTime(draw.closesAt(), Locale.KOREAN) + " (진행 중)",
                "2차 선착순: " + Formats.dateTime(leftovers.opensAt(), Locale.KOREAN) + " ~ "
                        + Formats.dateTime(leftovers.closesAt(), Locale.KOREAN));
        uiLocale.switchTo(UI.getCurrent(), Locale.ENGLISH);
        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", offering.id().value()));
        assertThat(phaseLines().getFirst()).startsWith("Round 1, lottery applications: ").endsWith(" (open now)");
        assertThat(phaseLines().getLast()).startsWith("Round 2, first come: ");
    }

    private List<String> phaseLines() {
        return $(ListItem.class).all().stream().filter(li -> li.getParent()
                        .map(p -> p.hasClassName("baeum-recruitment-phases")).orElse(false))
                .map(ListItem::getText).toList();
    }

    private List<String> items(String listClass) {
        return $(ListItem.class).all().stream().filter(li -> li.getParent().map(p -> p.hasClassName(listClass))
                .orElse(false)).map(ListItem::getText).toList();
    }

    @Test
    void the_days_without_class_are_listed_with_their_holiday() {
        Offering offering = catalog.search(CatalogQuery.all().withPage(0, 100)).items().stream()
                .filter(o -> o.schedule().candidateDates().size() > o.sessionDates().size()).findFirst().orElseThrow();
        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", offering.id().value()));
        assertThat(items("baeum-days-off"))
                .hasSize(offering.schedule().candidateDates().size() - offering.sessionDates().size())
                .allSatisfy(text -> assertThat(text).contains(" · 공휴일: "));
    }

    @Test
    void a_session_day_closed_after_the_class_was_planned_says_why() {
        Offering offering = catalog.search(CatalogQuery.all()).items().get(1);
        java.time.LocalDate day = offering.sessionDates().stream()
                .filter(d -> d.isAfter(java.time.LocalDate.now().plusDays(1))).findFirst().orElseThrow();
        SystemIdentity.run(() -> daysOff.addClosure(new ClosureDraft(ClosureScope.ROOM, offering.roomId(), day, day,
                "배관 공사", "Plumbing works")));
        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", offering.id().value()));
        assertThat(items("baeum-session-dates")).hasSize(offering.sessionDates().size())
                .filteredOn(text -> text.endsWith(" · 휴관(강의실): 배관 공사")).hasSize(1);
    }

    @Test
    void an_unknown_offering_says_so() {
        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", "does-not-exist"));
        assertThat($(H1.class).first().getText()).isEqualTo("강좌를 찾을 수 없습니다.");
    }

    @Test
    void in_english_the_detail_page_and_its_refusal_are_english() {
        Offering offering = catalog.search(CatalogQuery.all()).items().getFirst();
        assertThat(offering.program().titleEn()).isNotEqualTo(offering.program().titleKo());
        uiLocale.switchTo(UI.getCurrent(), Locale.ENGLISH);
        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", offering.id().value()));
        assertThat($(H1.class).first().getText()).isEqualTo(offering.program().titleEn());
        UI.getCurrent().navigate(OfferingView.class, new RouteParameters("id", "does-not-exist"));
        assertThat($(H1.class).first().getText()).isEqualTo("This class was not found.");
    }
}
