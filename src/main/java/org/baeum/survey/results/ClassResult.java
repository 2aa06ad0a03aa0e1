package org.baeum.survey.results;

import java.time.Instant;

/**
 * An instructor's class in one survey: the result as the instructor sees it ({@link GroupResult#forInstructor()}), or
 * {@code null} while the survey is still open (shown after {@code closesAt}).
 */
public record ClassResult(String surveyId, String surveyTitle, Instant closesAt, String offeringId, String title,
                          GroupResult result) {

    public boolean waitingForTheClose() {
        return result == null;
    }
}
