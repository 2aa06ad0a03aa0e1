package org.baeum.base.security;

import java.util.EnumSet;
import java.util.Locale;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work the portal does by itself (demo data, jobs) runs as this identity, never as a citizen, so that
 * services check roles the same way for it and logs say "system".
 */
public final class SystemIdentity {

    public static final BaeumUser SYSTEM = new BaeumUser("system", "system", "system",
            EnumSet.of(Role.STAFF, Role.ADMIN), true, Locale.KOREAN, null);

    private SystemIdentity() {
    }

    /** Runs the work as the system identity and restores the caller's security context afterwards. */
    public static void run(Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
