package org.baeum.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/** One planned session of a published offering: where and when a class meets (for bookings and closures). */
public record ClassSession(OfferingId offeringId, String titleKo, String titleEn, String branchId, String roomId,
                           LocalDate date, LocalTime start, LocalTime end) {

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleKo;
    }

    /** Whether the session and the hours {@code from}–{@code to} of the same day overlap (ends are exclusive). */
    public boolean overlaps(LocalDate day, LocalTime from, LocalTime to) {
        return date.equals(day) && start.isBefore(to) && from.isBefore(end);
    }
}
