package org.baeum.account;

import java.time.Instant;
import java.time.LocalDate;

/** A person a citizen enrols on their behalf: a child, an elderly parent, a person they care for. */
public record Dependant(ParticipantId id, AccountId household, String name, LocalDate birthDate, Relation relation,
                        Instant addedAt, Instant removedAt) {

    public boolean active() {
        return removedAt == null;
    }

    public Participant asParticipant() {
        return new Participant(id, household, name, birthDate, relation, active());
    }
}
