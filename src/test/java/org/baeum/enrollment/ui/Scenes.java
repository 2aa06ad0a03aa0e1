package org.baeum.enrollment.ui;

import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinSession;
import java.util.UUID;
import java.util.function.Supplier;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.CitizenEnrollments;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Other citizens acting in the middle of a view test, whose own signed-in user comes back afterwards. */
final class Scenes {

    private Scenes() {
    }

    /** Runs as another user; the view's session is hidden meanwhile, as its context would otherwise win. */
    static <T> T as(BaeumUser user, Supplier<T> work) {
        VaadinSession session = VaadinSession.getCurrent();
        CurrentInstance.set(VaadinSession.class, null);
        SecurityContext previous = SecurityContextHolder.getContext();
        TestAccounts.signIn(user);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            VaadinSession.setCurrent(session);
        }
    }

    /**
     * Keeps the signed-in user's security context in the session too, as the real sign-in does. Vaadin's context holder
     * strategy looks there before the thread's own context, so the views are tested as they run in a browser.
     */
    static void signedInSession() {
        SecurityContext context = SecurityContextHolder.getContext();
        if (context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof BaeumUser) {
            VaadinSession.getCurrent().getSession().setAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    static Enrollment enroll(CitizenEnrollments enrollments, BaeumUser user, OfferingId offering) {
        return as(user, () -> enrollments.enroll(offering, null, UUID.randomUUID().toString()));
    }

    static Enrollment cancel(CitizenEnrollments enrollments, BaeumUser user, Enrollment e) {
        return as(user, () -> enrollments.cancel(e.id(), null));
    }
}
