package org.baeum.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * What staff enter for an offering; {@code id} null for a new one. Times are Asia/Seoul wall-clock times.
 * Checked by {@link CatalogService#saveOffering}.
 */
public record OfferingDraft(OfferingId id, ProgramId programId, TermId termId, String roomId, Set<DayOfWeek> weekdays,
                            LocalTime startTime, LocalTime endTime, LocalDate firstDate, LocalDate lastDate,
                            Integer capacity, LocalDateTime recruitmentOpens, LocalDateTime recruitmentCloses,
                            RecruitmentMethod method) {

    public OfferingDraft {
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
    }
}
