package org.baeum.base.desk;

import java.time.Instant;

/**
 * One thing the desk can check in: a booking or a membership's visit today.
 *
 * @param source      the {@link CheckInSource#name()} it came from
 * @param id          the source's id for it
 * @param person      the participant's name (STAFF at the desk see names)
 * @param what        what it is, translated (e.g. "디지털 좌석 · 10:00–12:00", "헬스장 분기 회원")
 * @param statusKey   message key of its state (e.g. {@code booking.status.CONFIRMED})
 * @param checkedInAt when it was checked in today, or null
 * @param canCheckIn  whether {@link CheckInSource#checkIn} would succeed now
 * @param canUndo     whether {@link CheckInSource#undo} would take today's check-in back now (decision 0047)
 */
public record DeskMatch(String source, String id, String person, String what, String statusKey, Instant checkedInAt,
                        boolean canCheckIn, boolean canUndo) {

    /** A match whose check-in cannot be taken back at the desk. */
    public DeskMatch(String source, String id, String person, String what, String statusKey, Instant checkedInAt,
                     boolean canCheckIn) {
        this(source, id, person, what, statusKey, checkedInAt, canCheckIn, false);
    }
}
