package org.baeum.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The days off of a period, read once: public holidays and the closures known when it was made. It answers for any
 * place whether a day is off and why. Immutable and thread-safe; no Spring, no database (see {@link DaysOff} for
 * one read from the database).
 *
 * <p>The rules: a public holiday is off everywhere; a closure of all branches closes every place; a branch closure
 * closes the branch and each of its rooms and facilities; a room closure closes that room only, and a facility
 * closure that facility only. When a day is both a holiday and closed, the holiday is the reason; when several
 * closures apply, the one that starts first (then the one given first). A closure of some hours only
 * ({@link Closure#wholeDays()} false) makes no day off: {@link #closuresOn} lists it with its hours.
 */
public final class DaysOffCalendar {

    private final HolidayCalendar holidays;
    private final List<Closure> closures;

    private DaysOffCalendar(HolidayCalendar holidays, List<Closure> closures) {
        this.holidays = holidays;
        this.closures = closures;
    }

    /**
     * A calendar of these holidays and closures.
     *
     * @throws NullPointerException if an argument or a closure is {@code null}
     */
    public static DaysOffCalendar of(HolidayCalendar holidays, Collection<Closure> closures) {
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(closures, "closures");
        List<Closure> sorted = closures.stream()
                .map(c -> Objects.requireNonNull(c, "closures must not contain null"))
                .sorted(Comparator.comparing(Closure::firstDay)) // stable: ties keep the order given
                .toList();
        return new DaysOffCalendar(holidays, sorted);
    }

    /** Tells whether the holiday data covers the day's year; {@link #dayOff} refuses days it does not cover. */
    public boolean covers(LocalDate day) {
        return holidays.covers(day);
    }

    /**
     * Whether the place is off on the day, and why.
     *
     * @return the holiday, or else the closure that applies; empty on an ordinary day
     * @throws IllegalArgumentException if the holiday data does not {@linkplain #covers cover} the day
     */
    public Optional<DayOff> dayOff(LocalDate day, Place place) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(place, "place");
        if (!holidays.covers(day)) {
            throw new IllegalArgumentException("No public-holiday data for year " + day.getYear());
        }
        Optional<Holiday> holiday = holidays.holiday(day);
        if (holiday.isPresent()) {
            return Optional.of(DayOff.holiday(holiday.get()));
        }
        return closure(day, place).map(c -> DayOff.closure(day, c));
    }

    /** The whole-day closure that closes the place on the day (the one that starts first), holidays left aside. */
    public Optional<Closure> closure(LocalDate day, Place place) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(place, "place");
        return closures.stream().filter(c -> c.wholeDays() && c.includes(day) && c.closes(place)).findFirst();
    }

    /** Every closure that touches the place on the day, whole days and hours, by first day. */
    public List<Closure> closuresOn(LocalDate day, Place place) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(place, "place");
        return closures.stream().filter(c -> c.includes(day) && c.closes(place)).toList();
    }

    /**
     * The first day after {@code today} on which a whole-day closure of the place begins. A closure already under way
     * today does not count, nor do holidays or closures of some hours: what ends an offer made today before the place closes.
     */
    public Optional<LocalDate> firstClosureStartAfter(LocalDate today, Place place) {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(place, "place");
        return closures.stream().filter(c -> c.wholeDays() && c.firstDay().isAfter(today) && c.closes(place))
                .map(Closure::firstDay).findFirst();
    }

    /** The closures this calendar knows, by first day. */
    public List<Closure> closures() {
        return closures;
    }
}
