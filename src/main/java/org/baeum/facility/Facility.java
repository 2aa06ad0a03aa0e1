package org.baeum.facility;

import java.util.Locale;

/** A sports facility of a branch: the pool or the gym, with how many people it takes at once. */
public record Facility(String id, String branchId, FacilityKind kind, String nameKo, String nameEn, int capacity,
                       String descriptionKo, String descriptionEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameKo;
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionKo;
    }
}
