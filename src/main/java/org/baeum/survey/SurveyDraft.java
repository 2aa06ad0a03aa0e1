package org.baeum.survey;

import java.time.Instant;
import java.util.List;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.TermId;

/**
 * What STAFF enter to define a survey ({@link Surveys#define}): checked per field, nothing stored when a field is
 * wrong. Attach it either to a whole {@code term} or to chosen {@code offerings}.
 */
public record SurveyDraft(String titleKo, String titleEn, List<Question> questions, List<OfferingId> offerings,
                          TermId term, SurveyTiming timing, Instant opensAt, Instant closesAt) {

    public SurveyDraft {
        questions = questions == null ? List.of() : List.copyOf(questions);
        offerings = offerings == null ? List.of() : List.copyOf(offerings);
    }
}
