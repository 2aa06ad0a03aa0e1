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
 * whose first session day falls in the period; both are required, in the years {@value #FIRST_YEAR} to
 * {@value #LAST_YEAR}, and the period spans at most {@value #MAX_YEARS} calendar years (each year is a table to build
 * and keep: a period of centuries would hold the server).
 */
public record ReportQuery(LocalDate from, LocalDate to, BranchId branch, TermType termType, Audience audience,
                          PolicyDomain domain, LearningArea area, LearningSubcategory subcategory) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final int MAX_YEARS = 5;

    public ReportQuery {
        if (!allowed(from, to)) {
            throw new IllegalArgumentException("a period from <= to within " + FIRST_YEAR + "–" + LAST_YEAR
                    + " spanning at most " + MAX_YEARS + " years is required");
        }
    }

    /** Whether a report may be asked for this period (see the class comment). */
    public static boolean allowed(LocalDate from, LocalDate to) {
        return from != null && to != null && !to.isBefore(from) && from.getYear() >= FIRST_YEAR
                && to.getYear() <= LAST_YEAR && to.getYear() - from.getYear() < MAX_YEARS;
    }

    /** The whole calendar year, no other filter. */
    public static ReportQuery year(int year) {
        return new ReportQuery(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null, null, null, null, null);
    }
}
