package org.baeum.account;

import java.time.LocalDate;

/**
 * A person in a household who can be enrolled: the citizen themself ({@code relation} is {@code null}) or a
 * dependant. {@code active} is false for a removed dependant, whose history stays with the household.
 */
public record Participant(ParticipantId id, AccountId household, String name, LocalDate birthDate, Relation relation,
                          boolean active) {

    public boolean self() {
        return relation == null;
    }

    public int ageOn(LocalDate day) {
        return Ages.on(birthDate, day);
    }
}
