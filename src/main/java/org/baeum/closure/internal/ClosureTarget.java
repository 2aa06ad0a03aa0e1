package org.baeum.closure.internal;

import java.util.Locale;
import org.baeum.calendar.ClosureScope;

/**
 * The place a closure request names, checked against {@code DaysOff.places()}: every branch, a branch, a room, or a
 * facility. Class sessions and bookings of a facility closure are those of the catalog room with the facility's id
 * (the demo's pool room {@code main-pool} for the pool {@code main-pool}, decision 0043).
 */
record ClosureTarget(ClosureScope scope, String branchId, String placeId, String nameKo, String nameEn) {

    /** The catalog room whose sessions and bookings the closure meets; null for a branch or every branch. */
    String room() {
        return scope == ClosureScope.ROOM || scope == ClosureScope.FACILITY ? placeId : null;
    }

    String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameKo;
    }
}
