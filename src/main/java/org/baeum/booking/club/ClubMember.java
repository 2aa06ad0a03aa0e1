package org.baeum.booking.club;

import java.time.Instant;

/** A citizen in a learning club (not its leader), with the name they had when they joined. */
public record ClubMember(String accountId, String name, Instant joinedAt) {
}
