package org.baeum.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.baeum.calendar.DayOff;
import org.baeum.calendar.DaysOffCalendar;
import org.baeum.calendar.Place;

/**
 * Works out on which dates a weekly class actually meets.
 *
 * <p>Stateless; all methods are static and thread-safe.
 */
public final class SessionCalendar {

    private SessionCalendar() {
    }

    /**
     * Plans the sessions of a weekly class held in a place (a room of a branch).
     *
     * <p>Every date between {@link WeeklySchedule#firstDate()} and {@link WeeklySchedule#lastDate()} (inclusive)
     * that falls on one of the schedule's weekdays is a candidate. A candidate is skipped when the calendar has it as
     * a day off for the place: a public holiday (reason {@link SkippedDate.Reason#HOLIDAY}, labelled with the
     * holiday's names), or a closure of every branch, the place's branch or its room (reason
     * {@link SkippedDate.Reason#CLOSURE}, labelled with the closure's reasons). A closure of another room of the same
     * branch changes nothing. When both apply, the holiday wins; when several closures apply, the one that starts
     * first (then the one listed first) is reported.
     *
     * @param schedule the weekly pattern and term, not {@code null}
     * @param place    where the class is held, not {@code null}
     * @param daysOff  the calendar, whose holiday data must cover every candidate date and which must know the
     *                 closures of the schedule's period
     * @return the plan, with both lists sorted ascending
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code daysOff} does not cover the year of a candidate date (the message
     *                                  names the missing year(s))
     */
    public static SessionPlan plan(WeeklySchedule schedule, Place place, DaysOffCalendar daysOff) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(daysOff, "daysOff");

        List<LocalDate> candidates = schedule.candidateDates();
        requireCoverage(candidates, daysOff, schedule);

        List<LocalDate> sessions = new ArrayList<>();
        List<SkippedDate> skipped = new ArrayList<>();
        for (LocalDate date : candidates) {
            DayOff off = daysOff.dayOff(date, place).orElse(null);
            if (off == null) {
                sessions.add(date);
            } else {
                skipped.add(new SkippedDate(date, off.kind() == DayOff.Kind.HOLIDAY ? SkippedDate.Reason.HOLIDAY
                        : SkippedDate.Reason.CLOSURE, off.reasonKo(), off.reasonEn()));
            }
        }
        return new SessionPlan(sessions, skipped);
    }

    private static void requireCoverage(List<LocalDate> candidates, DaysOffCalendar daysOff, WeeklySchedule schedule) {
        SortedSet<Integer> missingYears = new TreeSet<>();
        for (LocalDate date : candidates) {
            if (!daysOff.covers(date)) {
                missingYears.add(date.getYear());
            }
        }
        if (!missingYears.isEmpty()) {
            String years = missingYears.stream().map(String::valueOf).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("No public-holiday data for year " + years
                    + "; cannot plan sessions for " + schedule.firstDate() + ".." + schedule.lastDate()
                    + ". Add the official holidays of " + years + " to the holiday calendar.");
        }
    }
}
