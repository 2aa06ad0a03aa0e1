package org.baeum.base.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with throttling. Every refusal that could tell an attacker something (unknown user,
 * wrong password, deactivated account) comes out as the same {@link BadCredentialsException}; too many
 * failures come out as {@link LoginThrottledException} before any password is checked.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = addressOf(authentication.getDetails());
        var blocked = throttle.blockedUntil(username, address);
        if (blocked.isPresent()) {
            log.warn("Sign-in refused (throttled) for user '{}' from {}", username, address);
            throw new LoginThrottledException(blocked.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(username);
            log.info("Signed in: user '{}' from {}", username, address);
            return result;
        } catch (BadCredentialsException | AccountStatusException e) {
            throttle.recordFailure(username, address);
            log.info("Sign-in failed for user '{}' from {} ({})", username, address, e.getClass().getSimpleName());
            throw new BadCredentialsException("Bad credentials");
        }
    }

    static String addressOf(Object details) {
        return switch (details) {
            case ClientAddressDetails c -> c.remoteAddress();
            case WebAuthenticationDetails w -> w.getRemoteAddress();
            case null, default -> null;
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
