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
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Like {@link #run}, for work that answers. */
    public static <T> T call(java.util.function.Supplier<T> work) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            CurrentInstance.set(VaadinSession.class, null);
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            if (session != null) {
                VaadinSession.setCurrent(session);
            }
        }
    }

    /**
     * True when the portal itself is acting ({@link #run}): for methods that no person may call directly, only a
     * feature that checked its own caller first, e.g. {@code @PreAuthorize(SystemIdentity.ONLY)}.
     */
    public static boolean isCurrent() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() == SYSTEM;
    }

    /** For {@code @PreAuthorize}: only the portal itself, see {@link #isCurrent()}. */
    public static final String ONLY = "T(org.baeum.base.security.SystemIdentity).isCurrent()";
}
