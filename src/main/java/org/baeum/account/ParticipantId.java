package org.baeum.account;

import java.util.Objects;

/**
 * Who takes part in a class: a citizen (the id is their account id) or one of their dependants (a dependant id).
 * Enrolment, attendance and fee reductions refer to participants.
 */
public record ParticipantId(String value) {
    public ParticipantId {
        Objects.requireNonNull(value, "value");
    }
}
