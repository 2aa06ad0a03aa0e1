package org.baeum.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date on which a weekly class would have met but does not.
 *
 * @param date   the skipped date, never {@code null}
 * @param reason why it is skipped, never {@code null}
 * @param nameKo Korean label: the holiday name or the closure reason
 * @param nameEn English label: the holiday name or the closure reason
 */
public record SkippedDate(LocalDate date, Reason reason, String nameKo, String nameEn) {

    /** Why a session date was skipped. */
    public enum Reason {
        /** The date is a public holiday (공휴일), including substitute holidays and election days. */
        HOLIDAY,
        /** The class's room, its branch or every branch is closed on that date (the calendar's closures). */
        CLOSURE
    }

    /**
     * Validates the components.
     *
     * @throws NullPointerException if any component is {@code null}
     */
    public SkippedDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(nameKo, "nameKo");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
