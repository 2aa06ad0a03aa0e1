package org.baeum.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A class that meets on fixed weekdays at a fixed time within a term, e.g. "Tuesdays and Thursdays
 * 10:00–12:00 from 3 March to 30 June".
 *
 * <p>The weekday set is copied into an immutable set iterated in ISO order (Monday first), whatever
 * order or implementation the caller passed.
 *
 * @param weekdays  the days of the week on which the class meets; at least one
 * @param startTime local start time of each session
 * @param endTime   local end time of each session, strictly after {@code startTime} (same day)
 * @param firstDate first day of the term (inclusive)
 * @param lastDate  last day of the term (inclusive), not before {@code firstDate}; the term spans at most
 *                  {@value #MAX_SPAN_DAYS} calendar days, both ends counted
 */
public record WeeklySchedule(Set<DayOfWeek> weekdays, LocalTime startTime, LocalTime endTime,
                             LocalDate firstDate, LocalDate lastDate) {

    /** Longest allowed term, in calendar days with both ends counted. */
    public static final int MAX_SPAN_DAYS = 400;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /**
     * Validates the components and makes the weekday set immutable.
     *
     * @throws NullPointerException     if a component or a weekday is {@code null}
     * @throws IllegalArgumentException if there is no weekday, {@code endTime} is not after
     *                                  {@code startTime}, {@code lastDate} is before {@code firstDate}, or the
     *                                  term is longer than {@value #MAX_SPAN_DAYS} days
     */
    public WeeklySchedule {
        Objects.requireNonNull(weekdays, "weekdays");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(firstDate, "firstDate");
        Objects.requireNonNull(lastDate, "lastDate");
        if (weekdays.isEmpty()) {
            throw new IllegalArgumentException("A weekly schedule needs at least one weekday");
        }
        EnumSet<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : weekdays) {
            copy.add(Objects.requireNonNull(day, "weekdays must not contain null"));
        }
        weekdays = Collections.unmodifiableSet(copy);
        if (!endTime.isAfter(startTime)) {
            throw new IllegalArgumentException(
                    "endTime " + endTime + " must be after startTime " + startTime);
        }
        if (lastDate.isBefore(firstDate)) {
            throw new IllegalArgumentException(
                    "lastDate " + lastDate + " is before firstDate " + firstDate);
        }
        long spanDays = ChronoUnit.DAYS.between(firstDate, lastDate) + 1;
        if (spanDays > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("A schedule may span at most " + MAX_SPAN_DAYS
                    + " days, but " + firstDate + ".." + lastDate + " spans " + spanDays);
        }
    }

    /**
     * Tells whether the class would meet on the given date, ignoring holidays and closures.
     *
     * @param date a date, not {@code null}
     * @return {@code true} if {@code date} is within the term and on one of the weekdays
     */
    public boolean isScheduledOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(firstDate) && !date.isAfter(lastDate) && weekdays.contains(date.getDayOfWeek());
    }

    /**
     * All dates within the term that fall on one of the weekdays, ignoring holidays and closures.
     *
     * @return an immutable, ascending list of dates
     */
    public List<LocalDate> candidateDates() {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = firstDate; !d.isAfter(lastDate); d = d.plusDays(1)) {
            if (weekdays.contains(d.getDayOfWeek())) {
                dates.add(d);
            }
        }
        return List.copyOf(dates);
    }

    /**
     * Short human-readable description of the weekly pattern and time.
     *
     * <p>Korean ({@code ko}) gives e.g. {@code "화·목 10:00–12:00"}; every other locale gives English,
     * e.g. {@code "Tue, Thu 10:00–12:00"}. Weekdays are listed Monday first; the time range uses an en dash.
     *
     * @param locale the display locale, not {@code null}
     * @return the description
     */
    public String describe(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        boolean korean = "ko".equals(locale.getLanguage());
        String days = weekdays.stream()
                .sorted()
                .map(day -> korean ? koreanShortName(day) : englishShortName(day))
                .collect(Collectors.joining(korean ? "·" : ", "));
        return days + " " + TIME.format(startTime) + "–" + TIME.format(endTime);
    }

    private static String koreanShortName(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "월";
            case TUESDAY -> "화";
            case WEDNESDAY -> "수";
            case THURSDAY -> "목";
            case FRIDAY -> "금";
            case SATURDAY -> "토";
            case SUNDAY -> "일";
        };
    }

    private static String englishShortName(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "Mon";
            case TUESDAY -> "Tue";
            case WEDNESDAY -> "Wed";
            case THURSDAY -> "Thu";
            case FRIDAY -> "Fri";
            case SATURDAY -> "Sat";
            case SUNDAY -> "Sun";
        };
    }
}
