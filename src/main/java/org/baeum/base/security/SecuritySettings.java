package org.baeum.base.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiTokenTtl {@code BAEUM_API_TOKEN_TTL}: lifetime of an API bearer token
 * @param login       failed-login throttling
 */
@ConfigurationProperties("baeum.security")
public record SecuritySettings(Duration apiTokenTtl, Login login) {

    public SecuritySettings {
        apiTokenTtl = apiTokenTtl == null ? Duration.ofHours(12) : apiTokenTtl;
        login = login == null ? new Login(5, 30, Duration.ofMinutes(15)) : login;
    }

    /**
     * @param maxFailuresPerAccount {@code BAEUM_LOGIN_MAX_FAILURES_PER_ACCOUNT}: failures of one user name in a window
     * @param maxFailuresPerAddress {@code BAEUM_LOGIN_MAX_FAILURES_PER_ADDRESS}: failures from one client address in a window
     * @param window                {@code BAEUM_LOGIN_WINDOW}: the window; sign-in is refused until it ends
     */
    public record Login(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {
    }
}
