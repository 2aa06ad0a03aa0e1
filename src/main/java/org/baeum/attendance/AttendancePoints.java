package org.baeum.attendance;

/**
 * What each attendance status is worth for a program (completion counts these): by default present, late and excused
 * each count 1 (attended) and absent 0. STAFF may change them per program ({@link AttendanceRules}).
 */
public record AttendancePoints(int present, int late, int excused, int absent) {

    /** The largest number of points one mark may be worth. */
    public static final int MAX = 10;

    public static final AttendancePoints DEFAULTS = new AttendancePoints(1, 1, 1, 0);

    /** The points a mark of this status is worth. */
    public int of(AttendanceStatus status) {
        return switch (status) {
            case PRESENT -> present;
            case LATE -> late;
            case EXCUSED -> excused;
            case ABSENT -> absent;
        };
    }
}
