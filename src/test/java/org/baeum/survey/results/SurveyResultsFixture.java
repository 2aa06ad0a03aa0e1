package org.baeum.survey.results;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baeum.catalog.OfferingId;
import org.baeum.survey.Question;
import org.baeum.survey.QuestionType;
import org.baeum.survey.Questionnaire;
import org.baeum.survey.Survey;
import org.baeum.survey.SurveyId;
import org.baeum.survey.SurveyTiming;
import org.baeum.survey.internal.AnswerRepository;
import org.baeum.survey.internal.InvitationRepository;
import org.baeum.survey.internal.SurveyDefinitionRepository;
import org.springframework.stereotype.Component;

/**
 * Surveys, invitations and answers stored as the answering side stores them (decision 0051), for the results tests:
 * a questionnaire of a five-point overall item, a four-point room item, a choice (how one heard of the class) and a
 * free-text question.
 */
@Component
public class SurveyResultsFixture {

    public static final List<Question> QUESTIONS = List.of(
            new Question("overall", QuestionType.SCALE, 5, true, true, "전반적으로 만족하십니까?", "Overall satisfaction",
                    List.of("매우 불만족", "불만족", "보통", "만족", "매우 만족"),
                    List.of("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied")),
            new Question("room", QuestionType.SCALE, 4, true, false, "강의실과 시설", "Room and equipment",
                    List.of("나쁨", "보통", "좋음", "매우 좋음"), List.of("Poor", "Fair", "Good", "Very good")),
            new Question("heard", QuestionType.SCALE, 3, false, false, "알게 된 경로", "How you heard of the class",
                    List.of("누리집", "소식지", "지인"), List.of("Website", "Newsletter", "Friends")),
            new Question("comment", QuestionType.TEXT, 0, false, false, "하고 싶은 말", "Anything else", List.of(), List.of()));

    private final SurveyDefinitionRepository definitions;
    private final InvitationRepository invitations;
    private final AnswerRepository answers;
    private final Clock clock;

    SurveyResultsFixture(SurveyDefinitionRepository definitions, InvitationRepository invitations,
                         AnswerRepository answers, Clock clock) {
        this.definitions = definitions;
        this.invitations = invitations;
        this.answers = answers;
        this.clock = clock;
    }

    /** A survey of the offerings that closed an hour ago ({@code closed}) or closes in a week. */
    public SurveyId survey(String title, boolean closed, OfferingId... offerings) {
        Instant now = clock.instant();
        SurveyId id = new SurveyId("results-" + UUID.randomUUID().toString().substring(0, 8));
        definitions.insert(new Survey(id, title, title + " (en)", new Questionnaire(QUESTIONS), List.of(offerings),
                null, SurveyTiming.FIXED, now.minus(Duration.ofDays(14)),
                closed ? now.minus(Duration.ofHours(1)) : now.plus(Duration.ofDays(7)), "fixture-staff",
                now.minus(Duration.ofDays(15))));
        return id;
    }

    /** Invites {@code invited} participants of the offering; the first {@code values.size()} of them answer. */
    public void answers(SurveyId survey, OfferingId offering, int invited, List<Map<String, Object>> values) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < invited; i++) {
            String id = UUID.randomUUID().toString().replace("-", "");
            invitations.insertOnce(new InvitationRepository.StoredInvitation(id, survey.value(), offering.value(),
                    "p-" + id, "h-" + id, false));
            ids.add(id);
        }
        for (int i = 0; i < values.size(); i++) {
            answers.save(new AnswerRepository.StoredAnswer(UUID.randomUUID().toString(), survey.value(),
                    offering.value(), values.get(i)));
            invitations.markAnswered(ids.get(i));
        }
    }

    /** {@code n} answers giving every rated item the point {@code point}, the choice 1 and a text "의견 i". */
    public static List<Map<String, Object>> same(int n, int point) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(Map.of("overall", point, "room", Math.min(point, 4), "heard", 1, "comment", "의견 " + i));
        }
        return all;
    }
}
