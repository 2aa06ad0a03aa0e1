package org.baeum.recruitment.internal;

import java.time.Instant;
import java.util.List;
import org.baeum.recruitment.ApplicationStatus;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One document of {@code round_applications}, keyed by its public number ({@code 2027Q1-SWIM-000123}); field names
 * are {@link ApplicationRepository}'s constants. {@code activeKeys} ({@code roundId|participantId}, one per
 * participant covered) carries a unique index and is removed on withdrawal: one application per participant per
 * round. {@code personKeys} are salted SHA-256 hashes of name and birth date (decision 0028), to flag the same person
 * applying from two households ({@code duplicatePerson}). {@code householdMasked} is the household holder's masked
 * name, all STAFF see of it. {@code reserved} (eligible for the round's reserved share) and {@code weight} (1 or 2) are
 * decided when it is made, so the draw's input does not change afterwards; a document without them reads as not
 * reserved, weight 1.
 */
public record ApplicationDocument(
        @BsonId String number,
        String roundId,
        Long sequence,
        String householdId,
        String householdMasked,
        List<String> participantIds,
        List<String> activeKeys,
        List<String> personKeys,
        List<String> choices,
        Boolean household,
        Integer seats,
        ApplicationStatus status,
        Boolean duplicatePerson,
        Instant createdAt,
        Instant withdrawnAt,
        Boolean reserved,
        Integer weight) {

    /** Whether it draws in the reserved share first. */
    public boolean isReserved() {
        return Boolean.TRUE.equals(reserved);
    }

    /** Its weight in the draw: 1 when not stored. */
    public int drawWeight() {
        return weight == null ? 1 : weight;
    }
}
