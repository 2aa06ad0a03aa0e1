package org.baeum.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Source of public holidays used when planning class sessions.
 *
 * <p>A calendar only knows the holidays of the years it {@linkplain #covers(LocalDate) covers}.
 * Callers must check {@link #covers(LocalDate)} before trusting an empty answer from
 * {@link #holiday(LocalDate)}: an uncovered date is "unknown", not "a working day".
 * Implementations are encouraged to throw {@link IllegalArgumentException} from
 * {@link #holiday(LocalDate)} for uncovered dates.
 */
public interface HolidayCalendar {

    /**
     * Returns the holiday falling on the given date.
     *
     * @param date a date this calendar {@linkplain #covers(LocalDate) covers}
     * @return the holiday on that date, or empty if it is not a public holiday
     * @throws IllegalArgumentException if the implementation refuses uncovered dates
     */
    Optional<Holiday> holiday(LocalDate date);

    /**
     * Tells whether this calendar has complete holiday data for the given date's year.
     *
     * @param date any date
     * @return {@code true} if {@link #holiday(LocalDate)} gives a reliable answer for {@code date}
     */
    boolean covers(LocalDate date);
}
