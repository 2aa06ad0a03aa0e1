package org.baeum.base.security;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with throttling. The account is looked up once; the attempt is counted for it (or for the login
 * as typed when it matches no account) before the password is checked, and refused then when a limit is reached
 * ({@link LoginThrottledException}). Every other refusal that could tell an attacker something (unknown user, wrong
 * password, deactivated account) comes out as the same {@link BadCredentialsException}, after the same password
 * hash: an unknown user's attempt is checked against a stand-in hash, as Spring's {@code DaoAuthenticationProvider}
 * does, and a deactivated account's password is checked before its status.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingAuthenticationProvider.class);
    private static final String STAND_IN_PASSWORD = "no such account: a stand-in for the hash";

    private final UserDetailsService users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private volatile String standInHash;

    ThrottlingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = authentication.getName();
        String address = addressOf(authentication.getDetails());
        Object credentials = authentication.getCredentials();
        UserDetails user = find(login);
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(user instanceof BaeumUser b ? LoginThrottle.Subject.account(b.accountId())
                    : LoginThrottle.Subject.unknownLogin(login), address);
        } catch (LoginThrottledException e) {
            log.warn("Sign-in refused (throttled: {}, until {}) for user '{}' from {}", e.limit(), e.until(), login, address);
            throw e;
        }
        String hash = user == null || user.getPassword() == null ? standInHash() : user.getPassword();
        boolean matches = credentials != null && encoder.matches(credentials.toString(), hash);
        if (!matches || user == null || !usable(user)) {
            String why = user == null ? "no such account" : !matches ? "wrong password" : "account not usable";
            log.info("Sign-in failed for user '{}' from {} ({})", login, address, why);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(attempt);
        log.info("Signed in: user '{}' from {}", login, address);
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        var result = UsernamePasswordAuthenticationToken.authenticated(user, credentials, authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }

    private UserDetails find(String login) {
        try {
            return users.loadUserByUsername(login);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private static boolean usable(UserDetails user) {
        return user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired() && user.isCredentialsNonExpired();
    }

    private String standInHash() {
        String hash = standInHash;
        if (hash == null) {
            hash = encoder.encode(STAND_IN_PASSWORD);
            standInHash = hash;
        }
        return hash;
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
