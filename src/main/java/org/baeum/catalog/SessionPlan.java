package org.baeum.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link SessionCalendar#plan}: the dates on which a class meets and the dates it skips.
 * Both lists are immutable and sorted by date; a date appears in at most one of them.
 *
 * @param sessionDates the dates on which sessions take place, ascending
 * @param skipped      the schedule dates that were dropped, ascending, each with its reason
 */
public record SessionPlan(List<LocalDate> sessionDates, List<SkippedDate> skipped) {

    /**
     * Copies both lists defensively.
     *
     * @throws NullPointerException if a list or one of its elements is {@code null}
     */
    public SessionPlan {
        sessionDates = List.copyOf(Objects.requireNonNull(sessionDates, "sessionDates"));
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
    }

    /**
     * Number of sessions that take place.
     *
     * @return the size of {@link #sessionDates()}
     */
    public int sessionCount() {
        return sessionDates.size();
    }

    /**
     * Tells whether no session takes place at all.
     *
     * @return {@code true} if every schedule date was skipped (or there were none)
     */
    public boolean isEmpty() {
        return sessionDates.isEmpty();
    }
}
