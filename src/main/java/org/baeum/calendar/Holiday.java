package org.baeum.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A public holiday (공휴일) on a single calendar day.
 *
 * @param date   the day of the holiday, never {@code null}
 * @param nameKo the Korean name, e.g. {@code "추석"}; never blank
 * @param nameEn the English name, e.g. {@code "Chuseok"}; never blank
 */
public record Holiday(LocalDate date, String nameKo, String nameEn) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if any component is {@code null}
     * @throws IllegalArgumentException if a name is blank
     */
    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(nameKo, "nameKo");
        Objects.requireNonNull(nameEn, "nameEn");
        if (nameKo.isBlank()) {
            throw new IllegalArgumentException("Holiday on " + date + " has a blank Korean name");
        }
        if (nameEn.isBlank()) {
            throw new IllegalArgumentException("Holiday on " + date + " has a blank English name");
        }
    }
}
