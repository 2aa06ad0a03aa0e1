package org.baeum.survey.results;

/** No survey has that id (or the class is not one of its classes): the API answers 404. */
public class NoSuchSurveyException extends RuntimeException {

    public NoSuchSurveyException(String surveyId) {
        super("No survey " + surveyId);
    }
}
