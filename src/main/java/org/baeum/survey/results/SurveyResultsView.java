package org.baeum.survey.results;

import java.time.Instant;
import java.util.List;

/**
 * One survey's results for STAFF: the survey, its whole result ({@code total}) and each of its classes', as STAFF see
 * them ({@link GroupResult#forStaff()}).
 */
public record SurveyResultsView(String surveyId, String title, Instant opensAt, Instant closesAt, boolean closed,
                                GroupResult total, List<GroupResult> offerings) {

    public SurveyResultsView {
        offerings = List.copyOf(offerings);
    }
}
