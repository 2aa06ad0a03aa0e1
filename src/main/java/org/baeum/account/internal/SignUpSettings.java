package org.baeum.account.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on sign-ups ({@code baeum.signup.*}, environment variables in README). Only sign-ups that pass every rule
 * are counted (they cost a password hash and send a mail); a form with mistakes is not.
 *
 * @param maxPerEmail   {@code BAEUM_SIGNUP_MAX_PER_EMAIL}: sign-ups with one email address in a window (default 3)
 * @param maxPerAddress {@code BAEUM_SIGNUP_MAX_PER_ADDRESS}: sign-ups from one client address in a window (default 20)
 * @param window        {@code BAEUM_SIGNUP_WINDOW}: the window (default 1 h)
 */
@ConfigurationProperties("baeum.signup")
public record SignUpSettings(Integer maxPerEmail, Integer maxPerAddress, Duration window) {

    public SignUpSettings {
        maxPerEmail = maxPerEmail == null ? 3 : maxPerEmail;
        maxPerAddress = maxPerAddress == null ? 20 : maxPerAddress;
        window = window == null ? Duration.ofHours(1) : window;
        if (maxPerEmail < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("Sign-up limits must be at least 1: per email " + maxPerEmail
                    + ", per address " + maxPerAddress);
        }
    }
}
