package org.baeum.reporting.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the reports' figures come from: the enrolment facts, attendance totals, completions and the catalog of a year,
 * read from the features that own them. {@link ParticipationData} joins them into one compact table per year.
 * Implementations read as the portal (the rebuild of a stale table runs on a background thread).
 */
public interface FactFeed {

    /** Every enrolment entry of the year (facts kept at enrolment time), streamed. */
    void entriesOfYear(int year, Consumer<FeedEntry> sink);

    /** enrollmentId -> sessions attended (PRESENT or LATE); entries with none may be absent. */
    Map<String, Integer> attendedOfYear(int year);

    /** The entries with a confirmed completion (이수), revoked certificates excluded. */
    Set<String> completedAmong(Collection<String> offeringIds);

    /** Offerings whose first session day is in the year, not drafts (cancelled ones flagged). */
    List<FeedOffering> offeringsOfYear(int year);

    /** Fee-reduction category code -> names. */
    Map<String, Named> reductionCategories();

    /** Detail rows of the funnel (they name people; the source writes the access log). */
    void detailsOf(Collection<String> offeringIds, Consumer<FeedDetail> sink);
}
