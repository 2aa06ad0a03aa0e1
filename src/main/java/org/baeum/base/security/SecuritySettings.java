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
        login = login == null ? new Login(5, 30, Duration.ofMinutes(15)) : login;
        session = session == null ? new Session(null, null) : session;
    }

    /**
     * @param maxFailuresPerAccount {@code BAEUM_LOGIN_MAX_FAILURES_PER_ACCOUNT}: failures of one user name in a window
     * @param maxFailuresPerAddress {@code BAEUM_LOGIN_MAX_FAILURES_PER_ADDRESS}: failures from one client address in a window
     * @param window                {@code BAEUM_LOGIN_WINDOW}: the window; sign-in is refused until it ends
     */
    public record Login(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {
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
