package org.baeum.catalog;

/** Past-tense events of the catalog feature, published after the change is stored. */
public final class OfferingEvents {

    private OfferingEvents() {
    }

    /** STAFF raised an offering's capacity: {@code added} more seats are free (for the waitlist first). */
    public record SeatsAdded(OfferingId offering, int added) {
    }

    /**
     * STAFF cancelled an offering (폐강) on {@code from}: the centre cannot hold its classes from that day on, so its
     * enrolments end and paid fees come back pro rata by day.
     */
    public record OfferingCancelled(OfferingId offering, java.time.LocalDate from, String reason) {
    }
}
