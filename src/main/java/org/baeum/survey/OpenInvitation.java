package org.baeum.survey;

import java.time.Instant;
import org.baeum.catalog.OfferingId;

/**
 * An invitation of the caller's household to a survey still open ({@link SurveyAnswers#mine}).
 *
 * @param title           the survey's title in the caller's language
 * @param offeringTitle   the class it asks about
 * @param participantName who of the household it is for
 * @param token           the link's token ({@code /survey?token=…})
 * @param answered        an answer was given (it can still be changed until {@code closesAt})
 */
public record OpenInvitation(SurveyId surveyId, OfferingId offeringId, String title, String offeringTitle,
                             String participantName, String token, Instant closesAt, boolean answered) {
}
