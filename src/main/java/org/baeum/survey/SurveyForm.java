package org.baeum.survey;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.catalog.OfferingId;

/**
 * The form a link opens ({@link SurveyAnswers#form}): the questions and, when the link was used before, the answer
 * it gave (shown to whoever holds the link, so it can be changed until the close).
 *
 * @param answers the stored answer's values by question id ({@link Integer} or {@link String}); empty when none
 */
public record SurveyForm(SurveyId surveyId, String titleKo, String titleEn, OfferingId offeringId,
                         String offeringTitleKo, String offeringTitleEn, List<Question> questions, Instant closesAt,
                         Map<String, Object> answers) {

    public SurveyForm {
        questions = List.copyOf(questions);
        answers = Map.copyOf(answers);
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) && titleEn != null && !titleEn.isBlank() ? titleEn : titleKo;
    }

    public String offeringTitle(Locale locale) {
        return "en".equals(locale.getLanguage()) && offeringTitleEn != null && !offeringTitleEn.isBlank()
                ? offeringTitleEn : offeringTitleKo;
    }

    public boolean answered() {
        return !answers.isEmpty();
    }
}
