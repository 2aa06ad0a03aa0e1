package org.baeum.catalog.internal;

import org.baeum.capacity.ResourceKey;
import org.baeum.capacity.ResourceKind;
import org.baeum.capacity.Storage;
import org.baeum.catalog.Publication;

/**
 * The seats of an offering as a kind of the capacity ledger (decisions 0015, 0023). They stay on the offering
 * document, where they always were, under the same names: {@code capacity}, {@code seatsTaken}, {@code seatsLeft}
 * (which the catalog sorts and filters by), {@code holders}, {@code waitlistSeq}, {@code waitlistLength},
 * {@code seatMode}. First come and waitlist tickets only while the offering is published and its recruitment window
 * is open; an offer's hold while it is published.
 */
public final class OfferingSeats {

    public static final Storage.Fields FIELDS = new Storage.Fields("capacity", "seatsTaken", "seatsLeft", "holders",
            "waitlistSeq", "waitlistLength", "seatMode");

    public static final ResourceKind KIND = ResourceKind.hosted("offering-seat",
            Storage.hosted(OfferingRepository.COLLECTION, FIELDS,
                    Storage.Guard.when("publication", Publication.PUBLISHED.name())
                            .within("recruitmentOpensAt", "recruitmentClosesAt")),
            true);

    private OfferingSeats() {
    }

    public static ResourceKey of(String offeringId) {
        return KIND.key(offeringId);
    }
}
