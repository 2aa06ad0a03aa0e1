package org.baeum.recruitment;

import java.time.Instant;
import java.util.List;
import org.baeum.account.ParticipantId;
import org.baeum.catalog.OfferingId;

/**
 * One application in a round, as its household sees it: the public number ({@code 2027Q1-SWIM-000123}), who it
 * covers ({@code household}: every active participant, who win or lose together and need {@code seats} seats), and
 * the ranked choices (1–3 offerings of the round). {@code reserved}: every participant it covers was eligible for the
 * round's reserved share when it was made; {@code weight}: 2 for a second entry (all lost in the previous round), else 1.
 */
public record Application(String number, RoundId round, List<ParticipantId> participants, List<OfferingId> choices,
                          boolean household, int seats, ApplicationStatus status, Instant createdAt,
                          Instant withdrawnAt, boolean reserved, int weight) {
}
