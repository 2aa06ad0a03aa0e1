package org.baeum.account;

import java.time.Instant;

/**
 * Too many sign-ups from this client address or with this email address in the current window; nothing was stored
 * or sent. The form shows a translated message, the API answers 429 with {@code Retry-After}.
 */
public class SignUpThrottledException extends RuntimeException {

    private final transient Instant until;
    private final long retryAfterSeconds;

    public SignUpThrottledException(Instant until, long retryAfterSeconds) {
        super("Sign-ups refused until " + until);
        this.until = until;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Instant until() {
        return until;
    }

    /** Whole seconds until sign-ups are taken again, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whole minutes, rounded up, for messages ("try again in about {0} minutes"). */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds + 59) / 60);
    }
}
