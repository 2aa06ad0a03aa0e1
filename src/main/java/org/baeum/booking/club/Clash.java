package org.baeum.booking.club;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A day of a series the room cannot be had, and why: a class session in the room (the series is refused), a closure
 * or a public holiday (the day is skipped).
 *
 * @param reasonKo the class title, the closure's reason or the holiday's name, in Korean
 */
public record Clash(LocalDate date, Kind kind, String reasonKo, String reasonEn) {

    /** Why; translated as {@code club.clash.<NAME>}. */
    public enum Kind {
        CLASS,
        CLOSURE,
        HOLIDAY
    }

    public String reason(Locale locale) {
        return "en".equals(locale.getLanguage()) ? reasonEn : reasonKo;
    }
}
