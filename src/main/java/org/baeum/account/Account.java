package org.baeum.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.baeum.base.security.Role;

/** A person who can sign in: citizen, instructor, staff member or administrator. */
public record Account(AccountId id, String username, String email, String displayName, Set<Role> roles,
                      boolean enabled, Locale language, Instant createdAt) {

    public Account {
        roles = Set.copyOf(roles);
    }
}
