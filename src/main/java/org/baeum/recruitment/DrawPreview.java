package org.baeum.recruitment;

import java.util.List;
import org.baeum.catalog.OfferingId;

/**
 * A dry-run draw that STAFF ran on a copy of a round's current applications with a throw-away seed: what the draw
 * would give today, per offering and overall. Nothing of it is stored, and it says nothing about the real draw, whose
 * seed it never used.
 *
 * @param applications the submitted applications drawn
 * @param won          how many of them got a seat
 * @param lost         how many got none
 */
public record DrawPreview(RoundId round, int applications, int won, int lost, List<PerOffering> offerings) {

    public DrawPreview {
        offerings = List.copyOf(offerings);
    }

    /**
     * One offering of the preview.
     *
     * @param seats      the offering's seats in the draw
     * @param seatsGiven the seats its winners take (never more than {@code seats})
     * @param winners    the numbers of the applications that won a seat here, in draw order
     * @param losers     the numbers of the applications that chose it (at any rank) and won nothing, in draw order
     */
    public record PerOffering(OfferingId offering, int seats, int seatsGiven, List<String> winners, List<String> losers) {

        public PerOffering {
            winners = List.copyOf(winners);
            losers = List.copyOf(losers);
        }
    }
}
