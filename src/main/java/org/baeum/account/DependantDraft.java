package org.baeum.account;

import java.time.LocalDate;

/** What a citizen enters to add a dependant. */
public record DependantDraft(String name, LocalDate birthDate, Relation relation) {
}
