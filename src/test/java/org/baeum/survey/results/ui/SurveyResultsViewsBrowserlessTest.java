package org.baeum.survey.results.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.ui.AccessDeniedView;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.survey.SurveyId;
import org.baeum.survey.results.ResultGrouping;
import org.baeum.survey.results.SurveyResultsFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

/**
 * The results screens: STAFF filter and group, read captioned tables with column and row headings, and no free texts of
 * a class under five answers; an instructor sees their own classes after the close, a class of four answers says it is
 * hidden and shows no table, another instructor's class is absent; citizens are refused both pages.
 */
@BaeumIntegrationTest
class SurveyResultsViewsBrowserlessTest extends SpringBrowserlessTest {

    static SurveyId survey;
    static OfferingId five;
    static OfferingId four;
    static OfferingId others;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired Clock clock, @Autowired SurveyResultsFixture surveys) {
        DemoCatalogFixture.load(contributors);
        accounts.create("survey-ui-staff", Role.STAFF);
        accounts.create("survey-ui-citizen", Role.CITIZEN);
        BaeumUser teacher = accounts.create("survey-ui-teacher", Role.INSTRUCTOR);
        BaeumUser other = accounts.create("survey-ui-other", Role.INSTRUCTOR);
        EnrollmentFixture fixture = new EnrollmentFixture(catalog, clock);
        List<Instructor> mine = List.of(new Instructor(teacher.accountId(), "정강사"));
        five = fixture.offering(20, 0, RecruitmentMethod.FIRST_COME, mine);
        four = fixture.offering(20, 0, RecruitmentMethod.FIRST_COME, mine);
        others = fixture.offering(20, 0, RecruitmentMethod.FIRST_COME, List.of(new Instructor(other.accountId(), "한강사")));
        survey = surveys.survey("화면 만족도", true, five, four, others);
        surveys.answers(survey, five, 6, SurveyResultsFixture.same(5, 5));
        surveys.answers(survey, four, 5, List.of(Map.of("overall", 1, "comment", "작은 반의 의견"),
                Map.of("overall", 2), Map.of("overall", 2), Map.of("overall", 3)));
        surveys.answers(survey, others, 5, SurveyResultsFixture.same(5, 3));
    }

    private static Stream<Element> all(Element root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(SurveyResultsViewsBrowserlessTest::all));
    }

    private static List<Element> tags(Element root, String tag) {
        return all(root).filter(e -> !e.isTextNode() && e.getTag().equals(tag)).toList();
    }

    @Test
    @WithUserDetails("survey-ui-staff")
    void staff_filter_by_survey_and_read_labelled_tables_per_class() {
        StaffSurveyResultsView view = AopTestUtils.getUltimateTargetObject(navigate(StaffSurveyResultsView.class));
        view.survey.setValue(survey.value());
        assertThat(view.offering.isEnabled()).isTrue();
        view.grouping.setValue(ResultGrouping.OFFERING);
        test(view.show).click();

        List<Element> panels = all(view.results.getElement())
                .filter(e -> e.getClassList().contains("baeum-survey-result")).toList();
        assertThat(panels).hasSize(4); // everything selected, then three classes
        assertThat(panels.getFirst().getTextRecursively()).contains("조사 대상 16명, 응답 14건, 응답률 87.5%");
        Element table = tags(panels.getFirst(), "table").getFirst();
        assertThat(tags(table, "caption").getFirst().getText()).isEqualTo("선택한 전체: 문항별 결과");
        assertThat(tags(tags(table, "thead").getFirst(), "th")).extracting(Element::getText)
                .containsExactly("문항", "응답 수", "분포", "평균", "만족 이상");
        assertThat(tags(tags(table, "thead").getFirst(), "th")).allSatisfy(th ->
                assertThat(th.getAttribute("scope")).isEqualTo("col"));
        Element overall = tags(tags(table, "tbody").getFirst(), "tr").getFirst();
        assertThat(overall.getChild(0).getTag()).isEqualTo("th");
        assertThat(overall.getChild(0).getAttribute("scope")).isEqualTo("row");
        assertThat(overall.getChild(0).getText()).isEqualTo("전반적으로 만족하십니까?");
        assertThat(tags(overall, "li")).extracting(Element::getText).contains("5점 매우 만족: 5건 (35.7%)");

        Element small = panels.stream().filter(p -> p.getTextRecursively().contains("응답 4건")).findFirst().orElseThrow();
        assertThat(small.getTextRecursively()).contains("자유 의견을 보여 주지 않습니다").doesNotContain("작은 반의 의견");
        assertThat(tags(small, "table")).hasSize(1); // STAFF keep the figures
    }

    @Test
    @WithUserDetails("survey-ui-teacher")
    void an_instructor_sees_their_classes_and_nothing_of_the_class_of_four() {
        InstructorSurveyResultsView view = AopTestUtils.getUltimateTargetObject(
                navigate(InstructorSurveyResultsView.class));
        List<Element> sections = all(view.classes.getElement())
                .filter(e -> e.getClassList().contains("baeum-survey-class")).toList();
        assertThat(sections).hasSize(2);
        String text = view.getElement().getTextRecursively();
        assertThat(text).doesNotContain("한강사");
        Element small = sections.stream().filter(s -> s.getTextRecursively().contains("응답 4건")).findFirst()
                .orElseThrow();
        assertThat(small.getTextRecursively())
                .contains("응답이 5건 미만이라 응답한 분을 보호하기 위해 결과를 보여 주지 않습니다.");
        assertThat(tags(small, "table")).isEmpty();
        assertThat(small.getTextRecursively()).doesNotContain("작은 반의 의견");
        Element big = sections.stream().filter(s -> s.getTextRecursively().contains("응답 5건")).findFirst().orElseThrow();
        assertThat(tags(big, "table")).hasSize(1);
        assertThat(tags(big, "li")).extracting(Element::getText).contains("의견 0", "의견 4");
    }

    @Test
    @WithUserDetails("survey-ui-citizen")
    void citizens_are_refused_both_pages() {
        UI.getCurrent().navigate("staff/survey-results");
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        UI.getCurrent().navigate("instructor/survey-results");
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    @WithUserDetails("survey-ui-teacher")
    void instructors_are_refused_the_staff_page() {
        UI.getCurrent().navigate("staff/survey-results");
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }
}
