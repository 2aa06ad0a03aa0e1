package org.baeum.base.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many failures; says nothing about whether the account exists. */
public class LoginThrottledException extends AuthenticationException {

    private final Instant until;

    public LoginThrottledException(Instant until) {
        super("Too many failed sign-ins; try again later");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
