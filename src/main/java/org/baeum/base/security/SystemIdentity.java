package org.baeum.base.security;

import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinSession;
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

    /**
     * Runs the work as the system identity and restores the caller's security context afterwards.
     * <p>
     * Inside a request of a signed-in Vaadin UI, Vaadin's context holder strategy (installed globally) answers with the
     * context stored in the session before the thread's own, so setting the thread's context alone would leave the
     * citizen in charge (a citizen's enrolment could then not write the confirmation mail or offer a freed seat). The
     * current Vaadin session is therefore hidden from this thread while the work runs, and put back afterwards.
     */
    public static void run(Runnable work) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            CurrentInstance.set(VaadinSession.class, null);
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
            if (session != null) {
                VaadinSession.setCurrent(session);
            }
        }
    }
}
