package org.baeum.attendance;

import java.time.LocalDate;
import java.util.List;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;

/** What happened to attendance, for other parts of the portal (past tense, published after the change is stored). */
public final class AttendanceEvents {

    private AttendanceEvents() {
    }

    /**
     * Marks of one session were stored and at least one of them changed.
     *
     * @param enrollmentIds the enrolments whose mark changed
     */
    public record SessionMarked(OfferingId offering, LocalDate session, List<EnrollmentId> enrollmentIds) {
        public SessionMarked {
            enrollmentIds = List.copyOf(enrollmentIds);
        }
    }
}
