package org.baeum.attendance;

import org.baeum.enrollment.EnrollmentId;

/** One participant's attendance at a session, as an instructor or STAFF enters it. */
public record Mark(EnrollmentId enrollmentId, AttendanceStatus status) {
}
