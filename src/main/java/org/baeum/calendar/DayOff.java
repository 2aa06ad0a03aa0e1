package org.baeum.calendar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A day on which a place is off, and why: a public holiday, or a closure (with what it closes).
 *
 * @param date     the day
 * @param kind     holiday or closure
 * @param scope    what the closure closes; {@code null} for a holiday
 * @param reasonKo the holiday's name or the closure's reason, in Korean
 * @param reasonEn the same in English
 */
public record DayOff(LocalDate date, Kind kind, ClosureScope scope, String reasonKo, String reasonEn) {

    /** Why the day is off. */
    public enum Kind {
        /** A public holiday (공휴일), including substitute holidays and election days. */
        HOLIDAY,
        /** A closure of every branch, the branch, the room or the facility. */
        CLOSURE
    }

    public DayOff {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reasonKo, "reasonKo");
        Objects.requireNonNull(reasonEn, "reasonEn");
        if ((kind == Kind.CLOSURE) != (scope != null)) {
            throw new IllegalArgumentException("A closure has a scope and a holiday none");
        }
    }

    static DayOff holiday(Holiday holiday) {
        return new DayOff(holiday.date(), Kind.HOLIDAY, null, holiday.nameKo(), holiday.nameEn());
    }

    static DayOff closure(LocalDate date, Closure closure) {
        return new DayOff(date, Kind.CLOSURE, closure.scope(), closure.reasonKo(), closure.reasonEn());
    }

    /** The reason in English for English, in Korean otherwise. */
    public String reason(Locale locale) {
        return "en".equals(locale.getLanguage()) ? reasonEn : reasonKo;
    }
}
