package org.baeum.booking.club;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A day of a series the room cannot be had, and why: a class session in the room or another club's approved series at
 * those hours (the series is refused), a closure or a public holiday (the day is skipped), or another club's request
 * for those hours that STAFF have not decided yet (a warning: STAFF decide between the two, decision 0047).
 *
 * @param reasonKo the class title, the closure's reason, the holiday's name or the other club's name and hours, in
 *                 Korean
 */
public record Clash(LocalDate date, Kind kind, String reasonKo, String reasonEn) {

    /** Why; translated as {@code club.clash.<NAME>}. */
    public enum Kind {
        CLASS,
        CLOSURE,
        HOLIDAY,
        /** Another club's approved series holds the room at these hours on the day: refuses the series. */
        CLUB,
        /** Another club asked for the room at these hours on the day, not decided yet: STAFF decide. */
        CLUB_REQUEST
    }

    public String reason(Locale locale) {
        return "en".equals(locale.getLanguage()) ? reasonEn : reasonKo;
    }
}
