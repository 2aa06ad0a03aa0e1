package org.baeum.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * What staff enter for an offering; {@code id} null for a new one. Times are Asia/Seoul wall-clock times.
 * Checked by {@link CatalogService#saveOffering}; a problem with a recruitment phase names the field
 * {@link #phaseField(int, String) phase.<index>.opens|closes|method}, one with the list as a whole {@code phases}.
 */
public record OfferingDraft(OfferingId id, ProgramId programId, TermId termId, String roomId, Set<DayOfWeek> weekdays,
                            LocalTime startTime, LocalTime endTime, LocalDate firstDate, LocalDate lastDate,
                            Integer capacity, List<PhaseDraft> phases) {

    /** The most recruitment phases an offering may be planned with. */
    public static final int MAX_PHASES = 6;

    /** One recruitment phase as entered; any part may be missing (that is a problem at its field). */
    public record PhaseDraft(LocalDateTime opens, LocalDateTime closes, RecruitmentMethod method) {
    }

    public OfferingDraft {
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        phases = phases == null ? List.of()
                : phases.stream().map(p -> p == null ? new PhaseDraft(null, null, null) : p).toList();
    }

    /** One phase: the recruitment window and method of an offering planned before phases existed. */
    public OfferingDraft(OfferingId id, ProgramId programId, TermId termId, String roomId, Set<DayOfWeek> weekdays,
                         LocalTime startTime, LocalTime endTime, LocalDate firstDate, LocalDate lastDate,
                         Integer capacity, LocalDateTime recruitmentOpens, LocalDateTime recruitmentCloses,
                         RecruitmentMethod method) {
        this(id, programId, termId, roomId, weekdays, startTime, endTime, firstDate, lastDate, capacity,
                List.of(new PhaseDraft(recruitmentOpens, recruitmentCloses, method)));
    }

    /** The field name of part ({@code opens}, {@code closes}, {@code method}) of the phase at {@code index} (from 0). */
    public static String phaseField(int index, String part) {
        return "phase." + index + "." + part;
    }
}
