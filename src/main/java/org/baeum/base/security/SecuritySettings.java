package org.baeum.base.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiTokenTtl {@code BAEUM_API_TOKEN_TTL}: lifetime of an API bearer token
 * @param login       failed-login throttling
 * @param session     limits of a signed-in portal session
 */
@ConfigurationProperties("baeum.security")
public record SecuritySettings(Duration apiTokenTtl, Login login, Session session) {

    public SecuritySettings {
        apiTokenTtl = apiTokenTtl == null ? Duration.ofHours(12) : apiTokenTtl;
        login = login == null ? new Login(5, 30, Duration.ofMinutes(15), 0, null, null) : login;
        session = session == null ? new Session(null, null) : session;
    }

    /**
     * Sign-in throttling (docs/decisions/0018-login-throttling.md).
     *
     * @param maxFailuresPerAccount     {@code BAEUM_LOGIN_MAX_FAILURES_PER_ACCOUNT}: failures for one account (or one
     *                                  unknown login) from one client address in a window
     * @param maxFailuresPerAddress     {@code BAEUM_LOGIN_MAX_FAILURES_PER_ADDRESS}: failures from one client address
     *                                  in a window, whatever the account
     * @param window                    {@code BAEUM_LOGIN_WINDOW}: the window; sign-in is refused until it ends
     * @param maxFailuresAccountWide    {@code BAEUM_LOGIN_MAX_FAILURES_ACCOUNT_WIDE}: failures for one account from all
     *                                  addresses that are not familiar to it, together, in a window; each window that
     *                                  reaches it makes the next one twice as long
     * @param maxBackoff                {@code BAEUM_LOGIN_MAX_BACKOFF}: the longest such window
     * @param familiarFor               {@code BAEUM_LOGIN_FAMILIAR_FOR}: how long an address the account signed in from
     *                                  stays familiar (not held back by the account-wide bound)
     */
    public record Login(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window,
                        int maxFailuresAccountWide, Duration maxBackoff, Duration familiarFor) {

        public Login {
            window = window == null ? Duration.ofMinutes(15) : window;
            maxFailuresAccountWide = maxFailuresAccountWide <= 0 ? 50 : maxFailuresAccountWide;
            maxBackoff = maxBackoff == null ? Duration.ofHours(24) : maxBackoff;
            familiarFor = familiarFor == null ? Duration.ofDays(30) : familiarFor;
            if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1 || !window.isPositive()
                    || maxBackoff.compareTo(window) < 0 || !familiarFor.isPositive()) {
                throw new IllegalArgumentException("Sign-in throttling needs positive limits and durations and a maximum"
                        + " back-off of at least the window: per account " + maxFailuresPerAccount + ", per address "
                        + maxFailuresPerAddress + ", window " + window + ", back-off " + maxBackoff + ", familiar "
                        + familiarFor);
            }
        }
    }

    /**
     * @param idleTimeout {@code BAEUM_SESSION_IDLE_TIMEOUT}: a session ends after this long without a request
     *                    (Vaadin's heartbeats do not count)
     * @param maxAge      {@code BAEUM_SESSION_MAX_AGE}: and this long after sign-in in any case
     */
    public record Session(Duration idleTimeout, Duration maxAge) {

        public Session {
            idleTimeout = idleTimeout == null ? Duration.ofMinutes(30) : idleTimeout;
            maxAge = maxAge == null ? Duration.ofHours(12) : maxAge;
            if (idleTimeout.isNegative() || idleTimeout.isZero() || maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("Session limits must be positive: idle " + idleTimeout
                        + ", max age " + maxAge);
            }
        }

        /** How long before the idle deadline the warning shows: a minute, or half the timeout when that is shorter. */
        public Duration warningBefore() {
            Duration minute = Duration.ofMinutes(1);
            Duration half = idleTimeout.dividedBy(2);
            return half.compareTo(minute) < 0 ? half : minute;
        }
    }
}
