package org.baeum.attendance;

import java.time.LocalDate;
import java.util.List;
import org.baeum.catalog.Offering;

/** An offering an instructor teaches, with the session days that count (closures skipped). */
public record TaughtOffering(Offering offering, List<LocalDate> sessions) {

    public TaughtOffering {
        sessions = List.copyOf(sessions);
    }
}
