package org.baeum.survey.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDateTime;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.Role;
import org.baeum.survey.SurveyFixture;
import org.baeum.survey.SurveyLinkException;
import org.baeum.survey.internal.AnswerRepository;
import org.baeum.survey.internal.SurveyDefinitionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The survey screens: the answer page says at the question what is missing and stores nothing until it is right,
 * and says plainly that a changed link cannot be used; the STAFF editor names each wrong field and stores nothing.
 */
@BaeumIntegrationTest
class SurveyViewsBrowserlessTest extends SpringBrowserlessTest {

    static final String STAFF = "svview-staff";

    @Autowired
    SurveyFixture fixture;
    @Autowired
    MongoDatabase db;
    @Autowired
    TestAccounts accounts;

    private SurveyAnswerView open(String token) {
        UI.getCurrent().setLocale(java.util.Locale.KOREAN); // nobody signed in: the browser's language, Korean here
        UI.getCurrent().navigate("survey", QueryParameters.simple(Map.of("token", token)));
        return AopTestUtils.getUltimateTargetObject(getCurrentView());
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_missing_answer_is_said_at_its_question_and_nothing_is_stored_until_it_is_given() {
        SurveyFixture.Sent sent = fixture.sent("svview", 1);
        SurveyAnswerView view = open(sent.token(0));
        assertThat($(H1.class).first().getText()).isEqualTo("시험 만족도 조사");
        for (String q : new String[] {"instructor", "content", "room", "running", "recommend"}) {
            ((RadioButtonGroup<Integer>) view.fields.get(q)).setValue(4);
        }
        test(view.send).click();
        RadioButtonGroup<Integer> overall = (RadioButtonGroup<Integer>) view.fields.get("overall");
        assertThat(overall.isInvalid()).isTrue();
        assertThat(overall.getErrorMessage()).isEqualTo("이 문항에 답해 주세요.");
        assertThat(view.status.getText()).isEqualTo("확인이 필요한 항목이 있습니다.");
        assertThat(answers(sent)).isZero();

        overall.setValue(5);
        test(view.send).click();
        assertThat(overall.isInvalid()).isFalse();
        assertThat(view.status.getText()).startsWith("답변을 저장했습니다.");
        assertThat(answers(sent)).isEqualTo(1);

        SurveyAnswerView again = open(sent.token(0));
        assertThat(((RadioButtonGroup<Integer>) again.fields.get("overall")).getValue()).isEqualTo(5);
        SurveyAnswerView forged = open(sent.token(0).substring(0, 10) + "x" + sent.token(0).substring(11));
        assertThat(forged.problem).isEqualTo(SurveyLinkException.Problem.INVALID);
        assertThat($(H1.class).first().getText()).isEqualTo("열 수 없는 조사 링크");
    }

    @Test
    @WithUserDetails(STAFF)
    void the_editor_names_each_wrong_field_and_stores_nothing() {
        long before = db.getCollection(SurveyDefinitionRepository.COLLECTION).countDocuments();
        NewSurveyView view = AopTestUtils.getUltimateTargetObject(navigate(NewSurveyView.class));
        assertThat(view.rows).hasSize(7);
        view.heardOf.setValue(true);
        assertThat(view.rows).hasSize(8);
        view.term.setValue(view.term.getListDataView().getItem(0));
        view.rows.getFirst().labelsKo.setValue("나쁨, 좋음");
        view.closesAt.setValue(LocalDateTime.of(2000, 1, 1, 0, 0));
        test(view.save).click();
        assertThat(view.titleKo.getErrorMessage()).isEqualTo("입력해 주세요.");
        assertThat(view.rows.getFirst().labelsKo.isInvalid()).isTrue();
        assertThat(view.rows.getFirst().labelsKo.getErrorMessage()).isEqualTo("보기를 5개 적어 주세요.");
        assertThat(view.closesAt.getErrorMessage()).isEqualTo("마감은 지금보다 뒤여야 합니다.");
        assertThat(db.getCollection(SurveyDefinitionRepository.COLLECTION).countDocuments()).isEqualTo(before);
    }

    private long answers(SurveyFixture.Sent sent) {
        return db.getCollection(AnswerRepository.COLLECTION)
                .countDocuments(Filters.eq("surveyId", sent.survey().id().value()));
    }

    @org.junit.jupiter.api.BeforeAll
    static void staff(@Autowired TestAccounts accounts,
                      @Autowired java.util.List<org.baeum.base.demo.DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
        accounts.userOrCreate(STAFF, Role.STAFF);
    }
}
