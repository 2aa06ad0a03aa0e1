package org.baeum.reporting;

import java.time.LocalDate;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.TermType;

/**
 * The filters every report takes; {@code null} means "all". {@code from} and {@code to} (inclusive) pick the classes
 * whose first session day falls in the period; both are required.
 */
public record ReportQuery(LocalDate from, LocalDate to, BranchId branch, TermType termType, Audience audience,
                          PolicyDomain domain, LearningArea area, LearningSubcategory subcategory) {

    public ReportQuery {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a period from <= to is required");
        }
    }

    /** The whole calendar year, no other filter. */
    public static ReportQuery year(int year) {
        return new ReportQuery(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null, null, null, null, null);
    }
}
