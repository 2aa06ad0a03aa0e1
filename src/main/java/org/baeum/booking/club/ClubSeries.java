package org.baeum.booking.club;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.SortedMap;

/**
 * A club's recurring slot (decision 0045).
 *
 * @param placed    the booking placed for each day, once approved
 * @param notPlaced the days that could not be placed at approval, with the refusal ({@code BookingRefusal} name, or
 *                  {@code CLASS} for a class planned since)
 * @param skipped   the days off the series skips (closures, holidays) as found when requested or approved
 * @param competing the days from today on that another club's requested ({@code CLUB_REQUEST}) or approved
 *                  ({@code CLUB}) series wants the same room at overlapping hours, with that club's name and hours
 */
public record ClubSeries(String id, String clubId, String clubName, String branchId, String bookableId,
                         DayOfWeek weekday, LocalTime start, LocalTime end, LocalDate firstDay, LocalDate lastDay,
                         SeriesStatus status, String refusalReason, SortedMap<LocalDate, String> placed,
                         SortedMap<LocalDate, String> notPlaced, List<Clash> skipped, Instant createdAt,
                         List<Clash> competing) {

    public ClubSeries {
        placed = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(placed));
        notPlaced = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(notPlaced));
        skipped = List.copyOf(skipped);
        competing = competing == null ? List.of() : List.copyOf(competing);
    }
}
