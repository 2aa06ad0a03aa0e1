package org.baeum.attendance.degree;

import java.time.LocalDate;
import java.util.List;

/** New thresholds as ADMIN enters them: saved, they become the next version of the degree rule. */
public record DegreeRuleDraft(LocalDate effectiveFrom, List<LevelRule> levels, Integer minAttendancePercent) {
}
