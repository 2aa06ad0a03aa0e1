package org.baeum.booking.club;

import java.util.List;

/** A series refused because class sessions meet in the room on some of its days (listed); nothing was stored. */
public class SeriesClashException extends RuntimeException {

    private final transient List<Clash> clashes;

    public SeriesClashException(List<Clash> clashes) {
        super("The series meets classes on " + clashes.stream().map(c -> c.date().toString()).toList());
        this.clashes = List.copyOf(clashes);
    }

    /** The class clashes, by date. */
    public List<Clash> clashes() {
        return clashes;
    }
}
