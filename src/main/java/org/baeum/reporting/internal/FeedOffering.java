package org.baeum.reporting.internal;

import java.time.LocalDate;
import org.baeum.catalog.Audience;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.TermType;

/**
 * One offering of the year (its first session day is in the year; not a draft). {@code area} and {@code subcategory}
 * are {@code null} when the program is not classified; {@code sessions} is 0 for memberships without sessions.
 */
public record FeedOffering(String offeringId, String programId, Named programTitle, String branchId, Named branchName,
                           String termId, Named termName, TermType termType, Audience audience, PolicyDomain domain,
                           LearningArea area, LearningSubcategory subcategory, ProgramKind kind, LocalDate firstDay,
                           int sessions, boolean cancelled) {
}
