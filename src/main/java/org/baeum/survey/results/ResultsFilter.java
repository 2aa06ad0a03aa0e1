package org.baeum.survey.results;

/**
 * Which answers STAFF look at; {@code null} means "all". {@code survey} picks one survey (else every survey, pooled
 * item by item); the others pick offerings by their term, branch, program, the offering itself and an instructor's
 * account id.
 */
public record ResultsFilter(String survey, String term, String branch, String program, String offering,
                            String instructor) {

    public static ResultsFilter all() {
        return new ResultsFilter(null, null, null, null, null, null);
    }

    public static ResultsFilter ofSurvey(String survey) {
        return new ResultsFilter(survey, null, null, null, null, null);
    }

    boolean matches(OfferingFacts o) {
        return (term == null || term.equals(o.termId())) && (branch == null || branch.equals(o.branchId()))
                && (program == null || program.equals(o.programId()))
                && (offering == null || offering.equals(o.offeringId()))
                && (instructor == null || o.taughtBy(instructor));
    }
}
