package org.baeum.survey;

import java.util.Objects;

/** Typed id of a survey (its definition in {@code survey_definitions}). */
public record SurveyId(String value) {
    public SurveyId {
        Objects.requireNonNull(value, "value");
    }
}
