package org.baeum.catalog;

import java.util.List;
import java.util.Locale;

/** A building of the centre: 본관 (main building) or 아현분관 (Ahyeon branch). */
public record Branch(BranchId id, String nameKo, String nameEn, String address, String directionsKo,
                     String directionsEn, String phone, List<Room> rooms) {

    public Branch {
        rooms = List.copyOf(rooms);
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameKo;
    }

    public String directions(Locale locale) {
        return "en".equals(locale.getLanguage()) ? directionsEn : directionsKo;
    }
}
