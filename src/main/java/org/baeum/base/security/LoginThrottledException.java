package org.baeum.base.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many failures; says nothing about whether the account exists. */
public class LoginThrottledException extends AuthenticationException {

    private final Instant until;
    private final LoginThrottle.Limit limit;

    public LoginThrottledException(Instant until, LoginThrottle.Limit limit) {
        super("Too many failed sign-ins; try again later");
        this.until = until;
        this.limit = limit;
    }

    public Instant until() {
        return until;
    }

    /** Which limit it was: for the log only, never for the person refused. */
    public LoginThrottle.Limit limit() {
        return limit;
    }
}
