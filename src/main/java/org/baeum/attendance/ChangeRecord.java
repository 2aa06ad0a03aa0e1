package org.baeum.attendance;

import java.time.Instant;
import java.time.LocalDate;
import org.baeum.enrollment.EnrollmentId;

/**
 * A mark changed after the instructors' 7-day limit, as kept in the session's history: who (account id), when, why,
 * and the status before (null: none) and after.
 */
public record ChangeRecord(LocalDate session, EnrollmentId enrollmentId, AttendanceStatus from, AttendanceStatus to,
                           String byAccountId, Instant at, String reason) {
}
