package org.baeum.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.baeum.base.i18n.Formats;

/**
 * One booking of one slot (or a whole day) of a {@link Bookable}. API shape (extend, never rename): {@code {"id",
 * "facilityId", "date", "start", "end", "status", "code"}} where {@code facilityId} is {@link #bookableId}.
 *
 * @param accountId     the household account that booked (the booker)
 * @param participantId who uses it: the holder or a dependant of the household
 * @param code          the short code the citizen shows at the desk (also as a QR code); whole for the booker only:
 *                      STAFF's lists and answers carry it {@linkplain #masked() masked}, the desk finds a booking by
 *                      the whole code the citizen shows
 * @param clubId        the learning club it was booked for, or null
 * @param groupSize     people expected (1 for a seat)
 */
public record Booking(String id, String bookableId, String branchId, String accountId, String participantId,
                      LocalDate date, LocalTime start, LocalTime end, BookingStatus status, String code, int groupSize,
                      String clubId, String purpose, Instant createdAt, Instant checkedInAt) {

    /** What a masked code shows of the code: its last characters. */
    public static final int CODE_VISIBLE = 2;
    private static final String HIDDEN = "\u2022\u2022\u2022\u2022";

    /** The instant the slot (or the whole day) starts, in Seoul. */
    public Instant startAt() {
        return date.atTime(start).atZone(Formats.SEOUL).toInstant();
    }

    /**
     * When its check-in window opens and the no-show clock starts: the start, or the booking time for a whole day
     * booked after the day had begun (decision 0042).
     */
    public Instant presentFrom() {
        Instant startAt = startAt();
        return bookedAfterStart() ? createdAt : startAt;
    }

    /** A whole day booked on the day after it had opened (the only booking that can be made after its start). */
    public boolean bookedAfterStart() {
        return createdAt != null && createdAt.isAfter(startAt());
    }

    /** The end of the check-in window: {@link #presentFrom()} plus the no-show rule's grace. */
    public Instant checkInUntil(int graceMinutes) {
        return presentFrom().plus(Duration.ofMinutes(graceMinutes));
    }

    /**
     * Until when the booker may cancel online (decision 0042): the resource's deadline before the start; a whole day
     * booked after the day had begun, until its check-in window closes (while it is not checked in).
     */
    public Instant cancelUntil(BookingRules rules, int graceMinutes) {
        return bookedAfterStart() ? checkInUntil(graceMinutes)
                : startAt().minus(Duration.ofMinutes(rules.cancelMinutesBefore()));
    }

    /** This booking with its code masked ({@code ••••7K}), for STAFF's lists and anything but the booker's views. */
    public Booking masked() {
        return new Booking(id, bookableId, branchId, accountId, participantId, date, start, end, status,
                maskCode(code), groupSize, clubId, purpose, createdAt, checkedInAt);
    }

    /** A code with all but its last {@value #CODE_VISIBLE} characters hidden; null stays null. */
    public static String maskCode(String code) {
        if (code == null) {
            return null;
        }
        String bare = code.replace("-", "");
        return HIDDEN + (bare.length() <= CODE_VISIBLE ? "" : bare.substring(bare.length() - CODE_VISIBLE));
    }
}
