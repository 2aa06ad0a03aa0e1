package org.baeum.calendar;

import java.util.Locale;
import java.util.Objects;

/**
 * A branch, room or facility that staff may close, as the feature that owns it describes it
 * ({@link ClosablePlaces}).
 *
 * @param scope    {@link ClosureScope#BRANCH}, {@link ClosureScope#ROOM} or {@link ClosureScope#FACILITY}
 * @param id       its id
 * @param branchId the branch it is in (its own id for a branch)
 * @param nameKo   its own name in Korean (a room's or facility's without its branch)
 * @param nameEn   the same in English; the Korean one when there is none
 */
public record ClosablePlace(ClosureScope scope, String id, String branchId, String nameKo, String nameEn) {

    public ClosablePlace {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(nameKo, "nameKo");
        if (scope == ClosureScope.ALL) {
            throw new IllegalArgumentException("ALL is no place");
        }
        if (nameEn == null || nameEn.isBlank()) {
            nameEn = nameKo;
        }
    }

    /** The name in English for English, in Korean otherwise. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameKo;
    }
}
