package org.baeum.booking;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A citizen's request for a slot: {@code end} null for one slot (or the whole day of a whole-day resource);
 * {@code participantId} null for the signed-in holder; {@code groupSize} 0 for 1; {@code purpose} for rooms, the
 * auditorium and the gallery (shown to STAFF).
 */
public record BookingRequest(String bookableId, LocalDate date, LocalTime start, LocalTime end, String participantId,
                             int groupSize, String purpose) {
}
