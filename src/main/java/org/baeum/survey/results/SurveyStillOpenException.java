package org.baeum.survey.results;

import java.time.Instant;
import org.springframework.security.access.AccessDeniedException;

/** An instructor asked for results of a survey that still takes answers: they are shown only after its close. */
public class SurveyStillOpenException extends AccessDeniedException {

    private final transient Instant closesAt;

    public SurveyStillOpenException(String surveyId, Instant closesAt) {
        super("Survey " + surveyId + " is open until " + closesAt);
        this.closesAt = closesAt;
    }

    public Instant closesAt() {
        return closesAt;
    }
}
