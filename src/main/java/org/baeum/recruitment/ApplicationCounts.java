package org.baeum.recruitment;

import java.util.List;
import org.baeum.catalog.OfferingId;

/**
 * What STAFF watch while a round takes applications: the submitted applications and the seats they ask for, per
 * offering how many chose it first and at all, and the applications flagged because the same person (name and birth
 * date) applied from two households (numbers and the masked household name only).
 */
public record ApplicationCounts(RoundId round, int applications, int seats, List<PerOffering> offerings,
                                List<Flagged> duplicatePersons) {

    public record PerOffering(OfferingId offering, int firstChoice, int anyChoice) {
    }

    public record Flagged(String number, String household) {
    }
}
