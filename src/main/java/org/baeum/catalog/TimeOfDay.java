package org.baeum.catalog;

import java.time.LocalTime;

/** The time-of-day filter: when a session starts. Translated as {@code timeOfDay.<NAME>}. */
public enum TimeOfDay {
    MORNING(0, 12 * 60), AFTERNOON(12 * 60, 18 * 60), EVENING(18 * 60, 24 * 60);

    private final int fromMinute;
    private final int toMinute;

    TimeOfDay(int fromMinute, int toMinute) {
        this.fromMinute = fromMinute;
        this.toMinute = toMinute;
    }

    /** Minute of the day the range starts at (inclusive). */
    public int fromMinute() {
        return fromMinute;
    }

    /** Minute of the day the range ends at (exclusive). */
    public int toMinute() {
        return toMinute;
    }

    public static TimeOfDay of(LocalTime start) {
        int minute = start.getHour() * 60 + start.getMinute();
        return minute < 12 * 60 ? MORNING : minute < 18 * 60 ? AFTERNOON : EVENING;
    }
}
