package org.baeum.catalog;

/** Past-tense events of the catalog feature, published after the change is stored. */
public final class OfferingEvents {

    private OfferingEvents() {
    }

    /** STAFF raised an offering's capacity: {@code added} more seats are free (for the waitlist first). */
    public record SeatsAdded(OfferingId offering, int added) {
    }
}
