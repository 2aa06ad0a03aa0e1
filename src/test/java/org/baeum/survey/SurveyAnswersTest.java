package org.baeum.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.survey.internal.AnswerRepository;
import org.baeum.survey.internal.InvitationRepository;
import org.baeum.survey.internal.SurveyDispatcher;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Answering through a link: one answer per participant whatever the number of parallel submissions, changeable until
 * the close and not after, an answer off the scale or through a changed link refused with nothing stored, and the
 * invitations sent once.
 */
@BaeumIntegrationTest
class SurveyAnswersTest {

    @Autowired
    SurveyFixture fixture;
    @Autowired
    SurveyAnswers answers;
    @Autowired
    SurveyDispatcher dispatcher;
    @Autowired
    MongoDatabase db;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    private List<Document> stored(Survey s) {
        return db.getCollection(AnswerRepository.COLLECTION).find(Filters.eq("surveyId", s.id().value()))
                .into(new ArrayList<>());
    }

    private Document invitation(String token) {
        return db.getCollection(InvitationRepository.COLLECTION)
                .find(Filters.eq("_id", token.substring(0, token.indexOf('.')))).first();
    }

    @Test
    void each_participant_gets_one_invitation_and_one_mail_however_often_the_job_runs() {
        SurveyFixture.Sent sent = fixture.sent("svinv", 3);
        dispatcher.runDue();
        assertThat(sent.tokens()).hasSize(3);
        assertThat(db.getCollection(InvitationRepository.COLLECTION).countDocuments(
                Filters.eq("surveyId", sent.survey().id().value()))).isEqualTo(3);
        for (var c : sent.citizens()) {
            assertThat(db.getCollection("outbox").countDocuments(Filters.and(Filters.eq("accountId", c.accountId()),
                    Filters.eq("kind", "SURVEY_INVITATION")))).as(c.accountId()).isEqualTo(1);
        }
    }

    @Test
    void parallel_submissions_of_one_link_store_one_answer() throws Exception {
        SurveyFixture.Sent sent = fixture.sent("svpar", 1);
        String token = sent.token(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int point = 1 + i % 5;
            runs.add(pool.submit(() -> {
                start.await();
                answers.answer(token, SurveyFixture.answers(point, "병렬 " + point));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : runs) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(stored(sent.survey())).hasSize(1);
        assertThat(invitation(token).getBoolean("answered")).isTrue();
    }

    @Test
    void an_answer_can_be_changed_until_the_close_and_not_after() {
        SurveyFixture.Sent sent = fixture.sent("svchg", 2);
        answers.answer(sent.token(0), SurveyFixture.answers(3, "보통"));
        Map<String, Object> changed = new HashMap<>(SurveyFixture.answers(3, "보통"));
        changed.put("instructor", 5);
        answers.answer(sent.token(0), changed);
        List<Document> after = stored(sent.survey());
        assertThat(after).hasSize(1);
        assertThat(after.getFirst().get("answers", Document.class).getInteger("instructor")).isEqualTo(5);
        assertThat(answers.form(sent.token(0)).answers()).containsEntry("instructor", 5).containsEntry("overall", 3);
        assertThat(answers.form(sent.token(1)).answers()).as("another link finds no answer").isEmpty();

        clock.advance(Duration.ofDays(8));
        assertThatThrownBy(() -> answers.answer(sent.token(0), SurveyFixture.answers(1, "마감 후")))
                .isExactlyInstanceOf(SurveyLinkException.class)
                .extracting(e -> ((SurveyLinkException) e).problem()).isEqualTo(SurveyLinkException.Problem.CLOSED);
        assertThatThrownBy(() -> answers.answer(sent.token(1), SurveyFixture.answers(1, "마감 후")))
                .isExactlyInstanceOf(SurveyLinkException.class);
        assertThat(stored(sent.survey())).hasSize(1);
        assertThat(stored(sent.survey()).getFirst().get("answers", Document.class).getString("comment")).isEqualTo("보통");
        assertThat(invitation(sent.token(1)).getBoolean("answered")).isFalse();
    }

    @Test
    void an_answer_off_the_scale_is_refused_at_its_question_and_nothing_is_stored() {
        SurveyFixture.Sent sent = fixture.sent("svscale", 1);
        Map<String, Object> wrong = new HashMap<>(SurveyFixture.answers(4, "좋아요"));
        wrong.put("room", 6);
        wrong.put("age", 0);
        assertThatThrownBy(() -> answers.answer(sent.token(0), wrong))
                .isExactlyInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(p -> p.field() + ":" + p.messageKey())
                        .containsExactlyInAnyOrder("room:survey.error.outOfScale", "age:survey.error.outOfScale"));
        Map<String, Object> missing = new HashMap<>(SurveyFixture.answers(4, "좋아요"));
        missing.remove("overall");
        missing.put("nosuch", 3);
        assertThatThrownBy(() -> answers.answer(sent.token(0), missing))
                .isExactlyInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(p -> p.field() + ":" + p.messageKey())
                        .containsExactlyInAnyOrder("overall:survey.error.answerRequired",
                                "nosuch:survey.error.notAQuestion"));
        assertThat(stored(sent.survey())).isEmpty();
        assertThat(invitation(sent.token(0)).getBoolean("answered")).isFalse();
    }

    @Test
    void a_changed_or_made_up_link_is_refused_and_nothing_is_stored() {
        SurveyFixture.Sent sent = fixture.sent("svforge", 1);
        String token = sent.token(0);
        char last = token.charAt(token.length() - 1);
        String changed = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String otherId = "AAAAAAAAAAAAAAAAAAAAAA" + token.substring(token.indexOf('.'));
        for (String bad : List.of(changed, otherId, "", "no-dot", token + ".x")) {
            assertThatThrownBy(() -> answers.answer(bad, SurveyFixture.answers(5, "위조")))
                    .as(bad).isExactlyInstanceOf(SurveyLinkException.class)
                    .extracting(e -> ((SurveyLinkException) e).problem()).isEqualTo(SurveyLinkException.Problem.INVALID);
            assertThatThrownBy(() -> answers.form(bad)).isExactlyInstanceOf(SurveyLinkException.class);
        }
        assertThat(stored(sent.survey())).isEmpty();
        assertThat(invitation(token).getBoolean("answered")).isFalse();
    }
}
