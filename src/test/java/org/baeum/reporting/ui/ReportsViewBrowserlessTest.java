package org.baeum.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.dom.Element;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.ui.AccessDeniedView;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.TermType;
import org.baeum.reporting.ReportQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The reporting dashboard with {@link DashboardTestReport}: the table as real HTML with its merged headings, numbers in
 * Korean format, "—" for a missing figure, footnotes and the time of the figures; the filters become the report's query;
 * an empty answer says so; citizens and instructors are refused the page.
 */
@BaeumIntegrationTest
class ReportsViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    DashboardTestReport report;
    @Autowired
    Clock clock;
    @Autowired
    CatalogService catalog;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts) {
        DemoCatalogFixture.load(contributors);
        accounts.create("report-ui-staff", Role.STAFF);
        accounts.create("report-ui-citizen", Role.CITIZEN);
        accounts.create("report-ui-instructor", Role.INSTRUCTOR);
    }

    private ReportsView open() {
        return AopTestUtils.getUltimateTargetObject(navigate(ReportsView.class));
    }

    private ReportSection section(ReportsView view) {
        return view.sections.stream().filter(s -> s.info.name().equals(DashboardTestReport.NAME)).findFirst().orElseThrow();
    }

    private static Stream<Element> all(Element root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ReportsViewBrowserlessTest::all));
    }

    private static List<Element> tags(Element root, String tag) {
        return all(root).filter(e -> !e.isTextNode() && e.getTag().equals(tag)).toList();
    }

    private static Element open(ReportSection section) {
        section.open();
        return section.content.getElement();
    }

    @Test
    @WithUserDetails("report-ui-staff")
    void staff_see_the_report_as_a_table_with_merged_headings_korean_numbers_and_footnotes() {
        ReportsView view = open();
        Element content = open(section(view));
        Element table = tags(content, "table").getFirst();
        assertThat(tags(table, "caption").getFirst().getText()).isEqualTo("시험용 참여 현황");

        List<Element> headRows = tags(tags(table, "thead").getFirst(), "tr");
        assertThat(headRows).hasSize(2);
        List<Element> top = tags(headRows.get(0), "th");
        assertThat(top).extracting(Element::getText).containsExactly("구분", "성인", "문해교육", "감면액", "이수율");
        assertThat(top.get(0).getAttribute("rowspan")).isEqualTo("2");
        assertThat(top.get(0).getAttribute("scope")).isEqualTo("col");
        assertThat(top.get(1).getAttribute("colspan")).isEqualTo("2");
        assertThat(top.get(1).getAttribute("scope")).isEqualTo("colgroup");
        assertThat(tags(headRows.get(1), "th")).extracting(Element::getText).containsExactly("실인원", "연인원", "실인원", "연인원");

        List<Element> rows = tags(tags(table, "tbody").getFirst(), "tr");
        assertThat(rows).hasSize(2);
        Element main = rows.get(0);
        Element rowHeading = main.getChild(0);
        assertThat(rowHeading.getTag()).isEqualTo("th");
        assertThat(rowHeading.getAttribute("scope")).isEqualTo("row");
        assertThat(rowHeading.getText()).isEqualTo("본관");
        assertThat(tags(main, "td")).extracting(Element::getText)
                .containsExactly("1,130", "10,840", "83", "10,074", "85,958,000원", "96.4%");
        assertThat(main.getChild(2).getStyle().get("text-align")).isEqualTo("end");

        Element missing = rows.get(1).getChild(2);
        assertThat(missing.getTextRecursively()).isEqualTo("—수치 없음");
        assertThat(missing.getChild(0).getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(missing.getChild(1).getClassList()).contains("sr-only");

        Element region = table.getParent();
        assertThat(region.getAttribute("role")).isEqualTo("region");
        assertThat(region.getAttribute("tabindex")).isEqualTo("0");
        assertThat(region.getAttribute("aria-label")).isEqualTo("시험용 참여 현황 표");

        assertThat(tags(content, "ol").getFirst().getChildren().map(Element::getText))
                .containsExactly("실인원은 서로 다른 사람의 수입니다.", "연인원은 출석한 사람·회차의 수입니다.");
        assertThat(content.getTextRecursively()).contains("기준 시각: 2026. 12. 6. (일) 10:00");

        BarChart chart = $(BarChart.class).from(section(view).content).single();
        assertThat(chart.label()).isEqualTo("시험용 참여 현황 막대 그래프. 같은 수치가 아래 표에 있습니다.");
        assertThat(chart.series()).extracting(BarChart.Series::name).containsExactly("실인원", "연인원");
        assertThat(chart.categories()).containsExactly("본관", "아현분관");
        assertThat(content.getChild(0)).as("the chart, then its table").isEqualTo(chart.getElement());
        assertThat(content.getChild(1).getClassList()).contains("baeum-report-table");

        Element downloads = content.getChild(2);
        assertThat(downloads.getClassList()).contains("baeum-report-downloads");
        String title = section(view).info.title();
        assertThat(downloads.getChildren().map(a -> a.getAttribute("aria-label")).toList()).containsExactly(
                title + " CSV 파일 내려받기", title + " 엑셀 파일 내려받기", title + " PDF 파일 내려받기");
        assertThat(downloads.getChildren().map(a -> a.getAttribute("href")).toList())
                .as("real links to the exports").allMatch(href -> href != null && !href.isBlank());
    }

    @Test
    @WithUserDetails("report-ui-staff")
    void the_filters_become_the_query_of_the_open_reports_and_an_empty_answer_says_so() {
        ReportsView view = open();
        ReportSection section = section(view);
        open(section);
        int thisYear = LocalDate.now(clock.withZone(Formats.SEOUL)).getYear();
        assertThat(view.year.getValue()).isEqualTo(thisYear);
        assertThat(report.last).isEqualTo(ReportQuery.year(thisYear));

        BranchId branch = catalog.branches().getFirst().id();
        view.year.setValue(thisYear - 2);
        view.branch.setValue(Optional.of(branch));
        view.termType.setValue(Optional.of(TermType.YEAR_LONG));
        view.domain.setValue(Optional.of(PolicyDomain.ACCESS));
        view.area.setValue(Optional.of(LearningArea.ADULT_LITERACY));
        view.audience.setValue(Optional.of(Audience.ADULT));
        assertThat(report.last).isEqualTo(new ReportQuery(LocalDate.of(thisYear - 2, 1, 1),
                LocalDate.of(thisYear - 2, 12, 31), branch, TermType.YEAR_LONG, Audience.ADULT, PolicyDomain.ACCESS,
                LearningArea.ADULT_LITERACY, null));
        assertThat(tags(section.content.getElement(), "table")).hasSize(1);

        view.audience.setValue(Optional.of(Audience.INFANT));
        assertThat(tags(section.content.getElement(), "table")).isEmpty();
        assertThat(section.content.getElement().getTextRecursively()).isEqualTo("이 조건에 맞는 자료가 없습니다.");

        section.details.setOpened(false);
        assertThat(section.content.getElement().getChildCount()).as("a closed section holds no table").isZero();
        report.last = null;
        view.audience.setValue(Optional.empty());
        assertThat(report.last).as("a closed section does not run its report").isNull();
    }

    @Test
    @WithUserDetails("report-ui-staff")
    void the_year_offers_this_year_and_the_two_before() {
        ReportsView view = open();
        int thisYear = LocalDate.now(clock.withZone(Formats.SEOUL)).getYear();
        List<Integer> years = new ArrayList<>(view.year.getListDataView().getItems().toList());
        assertThat(years).containsExactly(thisYear, thisYear - 1, thisYear - 2);
    }

    @Test
    @WithUserDetails("report-ui-citizen")
    void citizens_are_refused_the_dashboard() {
        UI.getCurrent().navigate("reports");
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("이 페이지를 볼 권한이 없습니다");
    }

    @Test
    @WithUserDetails("report-ui-instructor")
    void instructors_are_refused_the_dashboard() {
        UI.getCurrent().navigate("reports");
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("이 페이지를 볼 권한이 없습니다");
    }
}
