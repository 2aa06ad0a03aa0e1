package org.baeum.enrollment.ui;

import java.util.UUID;
import java.util.function.Supplier;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentService;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Other citizens acting in the middle of a view test, whose own signed-in user comes back afterwards. */
final class Scenes {

    private Scenes() {
    }

    static <T> T as(BaeumUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        TestAccounts.signIn(user);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static Enrollment enrol(EnrollmentService enrollments, BaeumUser user, OfferingId offering) {
        return as(user, () -> enrollments.enrol(offering, null, UUID.randomUUID().toString()));
    }

    static Enrollment cancel(EnrollmentService enrollments, BaeumUser user, Enrollment e) {
        return as(user, () -> enrollments.cancel(e.id(), null));
    }
}
