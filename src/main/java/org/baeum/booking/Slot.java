package org.baeum.booking;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One slot of a resource's day grid. API shape (extend, never rename): {@code {"start": "09:00", "end": "10:00",
 * "free": true, "left": 3}}.
 *
 * @param reason a short translated reason for CLOSED and CLASS (the closure's reason, the class title), else null
 */
public record Slot(LocalDate date, LocalTime start, LocalTime end, int units, int left, SlotState state, String reason) {

    public boolean free() {
        return state == SlotState.FREE && left > 0;
    }
}
