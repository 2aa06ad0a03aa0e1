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
 * name, all STAFF see of it.
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
        Instant withdrawnAt) {
}
