package org.baeum.catalog;

import java.time.LocalDate;

/** What staff enter for a term; {@code id} null for a new one. */
public record TermDraft(TermId id, String nameKo, String nameEn, TermType type, LocalDate startDate, LocalDate endDate) {
}
