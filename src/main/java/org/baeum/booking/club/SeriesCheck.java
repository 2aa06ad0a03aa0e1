package org.baeum.booking.club;

import java.time.LocalDate;
import java.util.List;

/** A series checked day by day: the days it would book and the days that clash, by date. */
public record SeriesCheck(List<LocalDate> days, List<Clash> clashes) {

    public SeriesCheck {
        days = List.copyOf(days);
        clashes = List.copyOf(clashes);
    }

    /** A class meets in the room on one of the days: the series is refused. */
    public boolean refused() {
        return clashes.stream().anyMatch(c -> c.kind() == Clash.Kind.CLASS);
    }
}
