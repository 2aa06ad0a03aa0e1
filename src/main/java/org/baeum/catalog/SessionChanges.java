package org.baeum.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.baeum.catalog.internal.OfferingDocument;
import org.baeum.catalog.internal.OfferingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Session dates a closure cancels or moves (decision 0043): one guarded update per offering, made only while its
 * dates are still those the closure read, so a rerun changes nothing. The cancelled and make-up days are kept on the
 * offering and applied again whenever planning regenerates its dates ({@code applyTo}).
 */
@Service
public class SessionChanges {

    private static final Logger log = LoggerFactory.getLogger(SessionChanges.class);

    private final OfferingRepository offerings;
    private final Clock clock;

    SessionChanges(OfferingRepository offerings, Clock clock) {
        this.offerings = offerings;
        this.clock = clock;
    }

    /** What changed, or why nothing did. */
    public enum Outcome { CHANGED, ALREADY_CHANGED, DATES_DIFFER, NO_OFFERING }

    /**
     * Removes {@code cancelled} from the offering's session dates and moves each key of {@code moves} to its value.
     *
     * @param expected the session dates as the closure read them
     * @return {@code ALREADY_CHANGED} when the dates are already the result (a rerun), {@code DATES_DIFFER} when
     *         someone else changed them meanwhile (nothing done)
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Outcome change(OfferingId id, List<LocalDate> expected, Collection<LocalDate> cancelled,
                          Map<LocalDate, LocalDate> moves) {
        OfferingDocument o = offerings.findById(id.value()).orElse(null);
        if (o == null) {
            return Outcome.NO_OFFERING;
        }
        TreeSet<LocalDate> dates = new TreeSet<>(expected);
        dates.removeAll(cancelled);
        dates.removeAll(moves.keySet());
        dates.addAll(moves.values());
        List<LocalDate> result = List.copyOf(dates);
        if (result.equals(o.sessionDates())) {
            return Outcome.ALREADY_CHANGED;
        }
        TreeSet<LocalDate> removed = new TreeSet<>(cancelled);
        removed.addAll(moves.keySet());
        if (!offerings.changeSessionDates(id.value(), expected, result, removed, moves.values(), clock.instant())) {
            return Outcome.DATES_DIFFER;
        }
        log.info("Offering {}: {} session day(s) cancelled, {} moved by a closure", id.value(), cancelled.size(),
                moves.size());
        return Outcome.CHANGED;
    }

    /**
     * Generated session dates with the closures' changes of an offering applied ({@code changes} as
     * {@link OfferingRepository#closureChanges} reads them): planning uses it when it plans a stored offering again.
     */
    static List<LocalDate> applyTo(List<List<LocalDate>> changes, List<LocalDate> generated) {
        if (changes.get(0).isEmpty() && changes.get(1).isEmpty()) {
            return generated;
        }
        TreeSet<LocalDate> dates = new TreeSet<>(generated);
        dates.removeAll(changes.get(0));
        dates.addAll(changes.get(1));
        return List.copyOf(dates);
    }
}
