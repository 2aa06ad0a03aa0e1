package org.baeum.catalog;

import java.time.LocalDate;
import java.util.Locale;

/** A term (기수), e.g. "2026년 2분기": its type and dates. */
public record Term(TermId id, String nameKo, String nameEn, TermType type, LocalDate startDate, LocalDate endDate) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameKo;
    }
}
