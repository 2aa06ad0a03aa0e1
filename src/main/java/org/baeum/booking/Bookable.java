package org.baeum.booking;

import java.util.Locale;

/**
 * A resource citizens book (decision 0042): all the digital seats of a branch's digital room (units = seats, one unit
 * per booking), the seats of a study room, a study or club room, the auditorium or the gallery (one unit).
 *
 * @param roomId the catalog room it stands in, when classes can be held there too (a class session in that room
 *               makes its slots unavailable, with the reason); {@code null} for seats without classes
 * @param units  how many can book the same slot (seats); 1 for rooms
 * @param active false when STAFF withdrew it from booking (existing bookings stay)
 */
public record Bookable(String id, String branchId, String roomId, BookableKind kind, String nameKo, String nameEn,
                       int units, BookingRules rules, boolean active) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameKo;
    }
}
