package org.baeum.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Works out on which dates a weekly class actually meets.
 *
 * <p>Stateless; all methods are static and thread-safe.
 */
public final class SessionCalendar {

    private SessionCalendar() {
    }

    /**
     * Plans the sessions of a weekly class at a branch.
     *
     * <p>Every date between {@link WeeklySchedule#firstDate()} and {@link WeeklySchedule#lastDate()} (inclusive)
     * that falls on one of the schedule's weekdays is a candidate. A candidate is skipped when it is a public
     * holiday according to {@code holidays} (reason {@link SkippedDate.Reason#HOLIDAY}, labelled with the
     * holiday's names) or when it lies in a closure that applies to {@code branchId} or to all branches
     * (reason {@link SkippedDate.Reason#CLOSURE}, labelled with the closure's reasons). When both apply, the
     * holiday wins; when several closures apply, the one that starts first (then the one listed first) is reported.
     *
     * @param schedule the weekly pattern and term, not {@code null}
     * @param branchId the branch where the class is held, not blank
     * @param holidays the public-holiday calendar, which must cover every candidate date
     * @param closures closures of any branch; those of other branches are ignored. Not {@code null}; may be empty
     * @return the plan, with both lists sorted ascending
     * @throws NullPointerException     if an argument or a closure is {@code null}
     * @throws IllegalArgumentException if {@code branchId} is blank, or if {@code holidays} does not cover the
     *                                  year of a candidate date (the message names the missing year(s))
     */
    public static SessionPlan plan(WeeklySchedule schedule, String branchId, HolidayCalendar holidays,
                                   Collection<Closure> closures) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(closures, "closures");
        if (branchId.isBlank()) {
            throw new IllegalArgumentException("branchId must not be blank");
        }

        List<LocalDate> candidates = schedule.candidateDates();
        requireCoverage(candidates, holidays, schedule);

        List<Closure> relevant = closures.stream()
                .map(c -> Objects.requireNonNull(c, "closures must not contain null"))
                .filter(c -> c.appliesTo(branchId))
                .filter(c -> !c.lastDay().isBefore(schedule.firstDate()) && !c.firstDay().isAfter(schedule.lastDate()))
                .sorted(Comparator.comparing(Closure::firstDay))
                .toList();

        List<LocalDate> sessions = new ArrayList<>();
        List<SkippedDate> skipped = new ArrayList<>();
        for (LocalDate date : candidates) {
            Optional<Holiday> holiday = holidays.holiday(date);
            if (holiday.isPresent()) {
                Holiday h = holiday.get();
                skipped.add(new SkippedDate(date, SkippedDate.Reason.HOLIDAY, h.nameKo(), h.nameEn()));
                continue;
            }
            Optional<Closure> closure = relevant.stream().filter(c -> c.includes(date)).findFirst();
            if (closure.isPresent()) {
                Closure c = closure.get();
                skipped.add(new SkippedDate(date, SkippedDate.Reason.CLOSURE, c.reasonKo(), c.reasonEn()));
                continue;
            }
            sessions.add(date);
        }
        return new SessionPlan(sessions, skipped);
    }

    private static void requireCoverage(List<LocalDate> candidates, HolidayCalendar holidays,
                                        WeeklySchedule schedule) {
        SortedSet<Integer> missingYears = new TreeSet<>();
        for (LocalDate date : candidates) {
            if (!holidays.covers(date)) {
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
