package org.baeum.catalog.internal;

import org.baeum.capacity.ResourceKey;
import org.baeum.capacity.ResourceKind;
import org.baeum.capacity.Storage;
import org.baeum.catalog.Publication;
import org.baeum.catalog.RecruitmentMethod;

/**
 * The seats of an offering as a kind of the capacity ledger (decisions 0015, 0023). They stay on the offering
 * document, where they always were, under the same names: {@code capacity}, {@code seatsTaken}, {@code seatsLeft}
 * (which the catalog sorts and filters by), {@code holders}, {@code waitlistSeq}, {@code waitlistLength},
 * {@code seatMode}. First come and waitlist tickets only while the offering is published and one of its recruitment
 * phases that is first come is open (never during a lottery phase, nor in a gap between phases: issue 14); an
 * offer's hold while it is published.
 */
public final class OfferingSeats {

    public static final Storage.Fields FIELDS = new Storage.Fields("capacity", "seatsTaken", "seatsLeft", "holders",
            "waitlistSeq", "waitlistLength", "seatMode");

    public static final ResourceKind KIND = ResourceKind.hosted("offering-seat",
            Storage.hosted(OfferingRepository.COLLECTION, FIELDS,
                    Storage.Guard.when("publication", Publication.PUBLISHED.name())
                            .withinAnyOf(OfferingRepository.RECRUITMENT_PHASES, "method",
                                    RecruitmentMethod.FIRST_COME.name(), "opensAt", "closesAt")),
            true);

    private OfferingSeats() {
    }

    public static ResourceKey of(String offeringId) {
        return KIND.key(offeringId);
    }
}
