package org.baeum.account.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.baeum.account.Relation;
import org.bson.codecs.pojo.annotations.BsonId;

/** One document of {@code dependants}. A removed dependant keeps its document ({@code removedAt} set). */
public record DependantDocument(@BsonId String id, String householdId, String name, LocalDate birthDate,
                                Relation relation, Instant addedAt, Instant removedAt) {
}
