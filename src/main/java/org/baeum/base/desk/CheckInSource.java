package org.baeum.base.desk;

import java.time.LocalDate;
import java.util.List;

/**
 * Something the front desk checks people in to, contributed by its feature (decision 0042): bookings (booking) and
 * membership visits (attendance). The desk screen asks every source with what STAFF typed or scanned (the code the
 * citizen shows, from the QR code, or part of a name) and lists the matches; checking one in goes back to its source.
 * Implementations check the caller themselves (STAFF/ADMIN) and log who checked whom in; they return data only.
 */
public interface CheckInSource {

    /** Stable and short, e.g. {@code booking}, {@code membership}; the first part of a match's id on the desk. */
    String name();

    /**
     * What matches {@code query} on {@code day}: an exact code (case and dashes ignored) or at least two characters of a
     * participant's name. At most 50 matches.
     */
    List<DeskMatch> find(String query, LocalDate day);

    /**
     * Checks in the match with this id (from {@link #find}) now; answers it as it is afterwards.
     *
     * @throws IllegalStateException with a translated message key as its message when it cannot be checked in now
     *                               (too early, already checked in, cancelled, released as a no-show)
     */
    DeskMatch checkIn(String id);

    /**
     * Takes back today's check-in of the match with this id (a mistake at the desk: the wrong person, the wrong
     * membership); answers it as it is afterwards. Sources that offer it say so with {@link DeskMatch#canUndo()}, check
     * the caller (STAFF/ADMIN) and write it to the access log (decision 0047).
     *
     * @throws IllegalStateException with a translated message key when there is nothing to take back today
     */
    default DeskMatch undo(String id) {
        throw new IllegalStateException("desk.undo.unsupported");
    }
}
