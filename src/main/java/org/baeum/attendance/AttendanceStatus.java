package org.baeum.attendance;

/** A participant's attendance at one session (출석, 지각, 결석, 공결); texts {@code attendance.status.<NAME>}. */
public enum AttendanceStatus {
    /** 출석 */
    PRESENT,
    /** 지각 */
    LATE,
    /** 결석 */
    ABSENT,
    /** 공결: an excused absence, counted as attended by default */
    EXCUSED;

    public String messageKey() {
        return "attendance.status." + name();
    }
}
