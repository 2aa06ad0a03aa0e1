package org.baeum.survey;

/** A survey link that cannot be used: nothing was read or stored. */
public class SurveyLinkException extends RuntimeException {

    /** Why: the link was changed or made up (or its invitation is gone), or the survey has closed. */
    public enum Problem { INVALID, CLOSED }

    private final Problem problem;

    public SurveyLinkException(Problem problem) {
        super("Survey link " + problem.name().toLowerCase(java.util.Locale.ROOT));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The translated text's key: {@code survey.link.invalid} or {@code survey.link.closed}. */
    public String messageKey() {
        return "survey.link." + problem.name().toLowerCase(java.util.Locale.ROOT);
    }
}
