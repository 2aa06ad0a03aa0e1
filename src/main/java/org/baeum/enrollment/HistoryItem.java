package org.baeum.enrollment;

import java.time.Instant;

/**
 * One step in an enrolment's life, kept for the citizen and staff: what happened ({@code enrollment.history.<what>}),
 * when, who did it (an account id, or {@code system}) and a note (staff's reason).
 */
public record HistoryItem(Instant at, String what, String by, String note) {
}
