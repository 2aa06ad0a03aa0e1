package org.baeum.base.security;

import java.util.Optional;

/**
 * The signed-in person by account id, read fresh from the database: what a bearer token names. The account feature
 * implements it (next to the {@code UserDetailsService} that finds accounts by what people type at sign-in).
 */
public interface AccountUsers {

    /** The account as security sees it, password hash included; empty when there is no such account. */
    Optional<BaeumUser> byAccountId(String accountId);
}
