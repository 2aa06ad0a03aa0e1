package org.baeum.booking.club;

import java.time.LocalDate;
import java.util.List;

/** A series checked day by day: the days it would book and the days that clash, by date. */
public record SeriesCheck(List<LocalDate> days, List<Clash> clashes) {

    public SeriesCheck {
        days = List.copyOf(days);
        clashes = List.copyOf(clashes);
    }

    /** A class meets in the room, or another club's approved series holds it, on one of the days: refused. */
    public boolean refused() {
        return clashes.stream().anyMatch(SeriesCheck::refuses);
    }

    /** Whether a clash of this kind refuses a series (a class, another club's approved series). */
    public static boolean refuses(Clash c) {
        return c.kind() == Clash.Kind.CLASS || c.kind() == Clash.Kind.CLUB;
    }

    /** The days another club's undecided request wants the same hours (STAFF decide between the two). */
    public List<Clash> competingRequests() {
        return clashes.stream().filter(c -> c.kind() == Clash.Kind.CLUB_REQUEST).toList();
    }
}
