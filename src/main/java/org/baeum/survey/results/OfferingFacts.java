package org.baeum.survey.results;

import java.util.List;
import org.baeum.catalog.Instructor;

/**
 * What the results group an offering by, labels in the reader's language: the offering (its program's title and its
 * term), the program, the branch, the term and the instructors. An offering the catalog no longer shows keeps its id
 * as every label.
 */
public record OfferingFacts(String offeringId, String title, String programId, String programTitle, String branchId,
                            String branchName, String termId, String termName, List<Instructor> instructors) {

    public OfferingFacts {
        instructors = List.copyOf(instructors);
    }

    /** Whether the account is one of the offering's instructors. */
    public boolean taughtBy(String accountId) {
        return instructors.stream().anyMatch(i -> i.accountId().equals(accountId));
    }
}
