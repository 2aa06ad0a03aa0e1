package org.baeum.calendar;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A closure staff want to add, as typed; {@link DaysOff#addClosure} checks every field and stores nothing when one is
 * wrong.
 *
 * @param scope    what to close
 * @param targetId the branch, room or facility to close (from {@link DaysOff#places()}); ignored for
 *                 {@link ClosureScope#ALL}
 * @param firstDay first closed day
 * @param lastDay  last closed day (inclusive)
 * @param reasonKo reason in Korean
 * @param reasonEn reason in English
 * @param fromTime with {@code toTime} the hours closed each day; both {@code null} for whole days
 * @param toTime   see {@code fromTime}
 */
public record ClosureDraft(ClosureScope scope, String targetId, LocalDate firstDay, LocalDate lastDay, String reasonKo,
                           String reasonEn, LocalTime fromTime, LocalTime toTime) {

    /** A closure of whole days. */
    public ClosureDraft(ClosureScope scope, String targetId, LocalDate firstDay, LocalDate lastDay, String reasonKo,
                        String reasonEn) {
        this(scope, targetId, firstDay, lastDay, reasonKo, reasonEn, null, null);
    }
}
