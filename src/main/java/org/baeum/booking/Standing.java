package org.baeum.booking;

import java.time.LocalDate;
import java.util.List;

/**
 * A participant's booking standing, shown to them: the no-show marks that still count (their days) and, while banned,
 * the last day of the ban ({@code bannedThrough}, inclusive; null when not banned).
 */
public record Standing(String participantId, List<LocalDate> marks, LocalDate bannedThrough, NoShowRule rule) {

    public Standing {
        marks = List.copyOf(marks);
    }

    public boolean banned() {
        return bannedThrough != null;
    }
}
