package org.baeum.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;

/**
 * An offering's attendance matrix: the sessions that count (closures skipped) by the enrolled participants, with
 * each participant's mark per session (a session without a mark is missing from the map).
 *
 * @param editableUntil the last day (Asia/Seoul) on which an instructor may still change a session's marks, per session
 */
public record AttendanceSheet(OfferingId offering, List<LocalDate> sessions, List<Row> rows,
                              Map<LocalDate, LocalDate> editableUntil) {

    public AttendanceSheet {
        sessions = List.copyOf(sessions);
        rows = List.copyOf(rows);
        editableUntil = Map.copyOf(editableUntil);
    }

    /** One enrolled participant and their marks by session day. */
    public record Row(EnrollmentId enrollmentId, String name, Map<LocalDate, AttendanceStatus> marks) {
        public Row {
            marks = Map.copyOf(marks);
        }
    }
}
