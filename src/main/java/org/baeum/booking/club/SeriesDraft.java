package org.baeum.booking.club;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/** "Every {@code weekday} {@code start}–{@code end} in the club room {@code bookableId} from {@code firstDay} to {@code lastDay}". */
public record SeriesDraft(String clubId, String bookableId, DayOfWeek weekday, LocalTime start, LocalTime end,
                          LocalDate firstDay, LocalDate lastDay) {
}
