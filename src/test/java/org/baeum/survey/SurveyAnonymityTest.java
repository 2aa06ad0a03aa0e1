package org.baeum.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.survey.internal.AnswerRepository;
import org.baeum.survey.internal.InvitationRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Decision 0051's core: reading every stored document of a survey (its invitations, its answers and the invitation
 * mail in the outbox), nothing links an answer to its participant: the answers carry only their keyed id, the survey,
 * the offering and the values; no value of an answer document appears in an invitation or a mail row, and no value
 * naming a participant, a household, an invitation or a link appears in an answer; nothing keeps a time of answering.
 */
@BaeumIntegrationTest
class SurveyAnonymityTest {

    @Autowired
    SurveyFixture fixture;
    @Autowired
    SurveyAnswers answers;
    @Autowired
    MongoDatabase db;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void no_stored_field_links_an_answer_to_its_participant() {
        SurveyFixture.Sent sent = fixture.sent("svanon", 5);
        for (int i = 0; i < 3; i++) {
            answers.answer(sent.token(i), SurveyFixture.answers(2 + i, "의견 " + i));
        }
        answers.answer(sent.token(0), SurveyFixture.answers(5, "바꾼 의견"));
        String survey = sent.survey().id().value();
        List<Document> invitations = db.getCollection(InvitationRepository.COLLECTION)
                .find(Filters.eq("surveyId", survey)).into(new ArrayList<>());
        List<Document> stored = db.getCollection(AnswerRepository.COLLECTION).find(Filters.eq("surveyId", survey))
                .into(new ArrayList<>());
        List<Document> mail = db.getCollection("outbox").find(Filters.and(Filters.eq("kind", "SURVEY_INVITATION"),
                Filters.in("accountId", sent.citizens().stream().map(BaeumUser::accountId).toList())))
                .into(new ArrayList<>());
        assertThat(invitations).hasSize(5);
        assertThat(stored).hasSize(3);
        assertThat(mail).hasSize(5);
        assertThat(invitations.stream().filter(d -> d.getBoolean("answered"))).hasSize(3);

        for (Document a : stored) {
            assertThat(a.keySet()).containsExactlyInAnyOrder("_id", "surveyId", "offeringId", "answers");
        }
        for (Document i : invitations) {
            assertThat(i.keySet()).containsExactlyInAnyOrder("_id", "surveyId", "offeringId", "participantId",
                    "householdId", "answered");
        }
        assertThat(values(stored).stream().filter(v -> v instanceof Date)).as("no time in an answer").isEmpty();
        assertThat(values(invitations).stream().filter(v -> v instanceof Date)).as("no time in an invitation").isEmpty();

        Set<String> naming = new HashSet<>(sent.tokens().values());
        for (Document i : invitations) {
            naming.add(i.getString("_id"));
            naming.add(i.getString("participantId"));
            naming.add(i.getString("householdId"));
        }
        sent.citizens().forEach(c -> naming.add(c.accountId()));
        Set<String> answerStrings = strings(stored);
        for (String n : naming) {
            assertThat(answerStrings).as("an answer holds nothing naming a person or a link").noneMatch(s -> s.contains(n));
        }
        Set<String> elsewhere = strings(invitations);
        elsewhere.addAll(strings(mail));
        for (Document a : stored) {
            String id = a.getString("_id");
            assertThat(elsewhere).as("no invitation or mail holds an answer's id").noneMatch(s -> s.contains(id));
            for (String token : sent.tokens().values()) {
                assertThat(id).isNotEqualTo(token).doesNotContain(token.substring(0, token.indexOf('.')));
            }
        }
    }

    private static List<Object> values(List<Document> docs) {
        List<Object> all = new ArrayList<>();
        docs.forEach(d -> collect(d, all));
        return all;
    }

    private static void collect(Object v, List<Object> into) {
        if (v instanceof Document d) {
            d.values().forEach(x -> collect(x, into));
        } else if (v instanceof List<?> l) {
            l.forEach(x -> collect(x, into));
        } else {
            into.add(v);
        }
    }

    private static Set<String> strings(List<Document> docs) {
        Set<String> s = new HashSet<>();
        for (Object v : values(docs)) {
            if (v instanceof String str) {
                s.add(str);
            }
        }
        return s;
    }
}
