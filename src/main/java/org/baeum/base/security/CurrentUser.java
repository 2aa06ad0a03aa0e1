package org.baeum.base.security;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting now: works in Vaadin UIs, REST calls and (as nobody) in jobs. */
@Component
public class CurrentUser {

    public Optional<BaeumUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        return auth.getPrincipal() instanceof BaeumUser user ? Optional.of(user) : Optional.empty();
    }

    public BaeumUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not signed in"));
    }

    public boolean hasRole(Role role) {
        return get().map(u -> u.hasRole(role)).orElse(false);
    }
}
