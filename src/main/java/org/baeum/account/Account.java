package org.baeum.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.baeum.base.security.Role;

/**
 * A person who can sign in: citizen, instructor, staff member or administrator. The citizen profile fields
 * ({@code mobile}, {@code birthDate}, {@code district}) are empty for staff-side accounts.
 */
public record Account(AccountId id, String username, String email, String displayName, Set<Role> roles,
                      boolean enabled, Locale language, Instant createdAt, String mobile, LocalDate birthDate,
                      District district, boolean emailVerified, boolean reminders) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean citizen() {
        return roles.contains(Role.CITIZEN);
    }

    /** The account holder as a participant of their own household. */
    public Participant asParticipant() {
        return new Participant(new ParticipantId(id.value()), id, displayName, birthDate, null, enabled);
    }
}
