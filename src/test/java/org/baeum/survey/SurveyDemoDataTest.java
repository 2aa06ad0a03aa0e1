package org.baeum.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.SystemIdentity;
import org.baeum.survey.internal.AnswerRepository;
import org.baeum.survey.internal.InvitationRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's surveys: last autumn's, closed, with at least five answers in every class that has answers (results can
 * show them), and one open now in which the demo citizen 김시민 has an invitation; a second run adds nothing.
 */
@BaeumIntegrationTest
class SurveyDemoDataTest {

    @Autowired
    List<DemoDataContributor> contributors;
    @Autowired
    Surveys surveys;
    @Autowired
    SurveyAnswers answers;
    @Autowired
    MongoDatabase db;
    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_closed_survey_with_answers_and_an_open_one_for_the_demo_citizen() {
        DemoCatalogFixture.loadWithHistory(contributors);
        Survey closed = SystemIdentity.call(() -> surveys.survey(new SurveyId("demo-survey-last-fall"))).orElseThrow();
        assertThat(closed.closedAt(Instant.now())).isTrue();
        Map<String, Integer> perClass = new HashMap<>();
        List<Document> stored = db.getCollection(AnswerRepository.COLLECTION)
                .find(Filters.eq("surveyId", closed.id().value())).into(new ArrayList<>());
        stored.forEach(a -> perClass.merge(a.getString("offeringId"), 1, Integer::sum));
        assertThat(perClass).hasSizeGreaterThanOrEqualTo(5);
        assertThat(perClass.values()).allMatch(n -> n >= 5);
        long answered = db.getCollection(InvitationRepository.COLLECTION).countDocuments(
                Filters.and(Filters.eq("surveyId", closed.id().value()), Filters.eq("answered", true)));
        assertThat(answered).isEqualTo(stored.size());

        TestAccounts.signIn(accounts.user("citizen"));
        List<OpenInvitation> mine = answers.mine(Locale.KOREAN);
        assertThat(mine).extracting(i -> i.surveyId().value()).contains("demo-survey-open");
        assertThat(answers.form(mine.getFirst().token()).questions()).hasSize(9);

        long before = db.getCollection(AnswerRepository.COLLECTION).countDocuments();
        DemoCatalogFixture.loadWithHistory(contributors);
        assertThat(db.getCollection(AnswerRepository.COLLECTION).countDocuments()).isEqualTo(before);
    }
}
