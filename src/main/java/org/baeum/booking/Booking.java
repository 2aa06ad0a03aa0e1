package org.baeum.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One booking of one slot (or a whole day) of a {@link Bookable}. API shape (extend, never rename): {@code {"id",
 * "facilityId", "date", "start", "end", "status", "code"}} where {@code facilityId} is {@link #bookableId}.
 *
 * @param accountId     the household account that booked (the booker)
 * @param participantId who uses it: the holder or a dependant of the household
 * @param code          the short code the citizen shows at the desk (also as a QR code); only the booker and STAFF
 *                      see it
 * @param clubId        the learning club it was booked for, or null
 * @param groupSize     people expected (1 for a seat)
 */
public record Booking(String id, String bookableId, String branchId, String accountId, String participantId,
                      LocalDate date, LocalTime start, LocalTime end, BookingStatus status, String code, int groupSize,
                      String clubId, String purpose, Instant createdAt, Instant checkedInAt) {
}
