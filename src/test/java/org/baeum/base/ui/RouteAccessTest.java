package org.baeum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every route of the portal against every role: who may open it. A new route without a line here fails,
 * so nobody adds a page without deciding who sees it. {@link RouteRoleMatrixBrowserlessTest} navigates the same
 * table for real.
 */
class RouteAccessTest {

    enum Who { ANONYMOUS, CITIZEN, INSTRUCTOR, STAFF, ADMIN }

    private static final Set<Who> EVERYONE = Set.of(Who.values());
    private static final Set<Who> SIGNED_IN = Set.of(Who.CITIZEN, Who.INSTRUCTOR, Who.STAFF, Who.ADMIN);

    static final Set<Who> DESK = Set.of(Who.STAFF, Who.ADMIN);

    static final Map<String, Set<Who>> EXPECTED = Map.ofEntries(
            Map.entry("", EVERYONE),
            Map.entry("login", EVERYONE),
            Map.entry("signup", EVERYONE),
            Map.entry("verify-email", EVERYONE),
            Map.entry("forgot-password", EVERYONE),
            Map.entry("reset-password", EVERYONE),
            Map.entry("unsubscribe", EVERYONE),
            Map.entry("branches", EVERYONE),
            Map.entry("catalog", EVERYONE),
            Map.entry("catalog/offering/:id", EVERYONE),
            Map.entry("rounds/:id/draw", EVERYONE),
            Map.entry("certificates/:code", EVERYONE),
            Map.entry("instructor", Set.of(Who.INSTRUCTOR, Who.STAFF, Who.ADMIN)),
            // the route admits these roles; the Attendance service then refuses an instructor who does not teach it
            Map.entry("instructor/offerings/:id/attendance", Set.of(Who.INSTRUCTOR, Who.STAFF, Who.ADMIN)),
            // the same: the Completions service refuses an instructor who does not teach it
            Map.entry("instructor/offerings/:id/completion", Set.of(Who.INSTRUCTOR, Who.STAFF, Who.ADMIN)),
            Map.entry("staff/programs/:programId/completion", DESK),
            Map.entry("rounds", EVERYONE),
            Map.entry("rounds/:id", EVERYONE),
            Map.entry("rounds/:id/apply", Set.of(Who.CITIZEN)),
            Map.entry("my/applications", Set.of(Who.CITIZEN)),
            Map.entry("bookings", EVERYONE),
            Map.entry("my/bookings", Set.of(Who.CITIZEN)),
            Map.entry("staff/bookables", DESK),
            Map.entry("staff/bookables/:id/day", DESK),
            Map.entry("my/transcript", Set.of(Who.CITIZEN)),
            Map.entry("my/account", SIGNED_IN),
            Map.entry("my/mail", SIGNED_IN),
            Map.entry("my/household", Set.of(Who.CITIZEN)),
            Map.entry("my/learning", Set.of(Who.CITIZEN)),
            Map.entry("my/membership-card", Set.of(Who.CITIZEN)),
            Map.entry("my/clubs", Set.of(Who.CITIZEN)),
            Map.entry("offer/accept", EVERYONE),
            Map.entry("offer/decline", EVERYONE),
            Map.entry("staff/sent-mail", DESK),
            Map.entry("staff/outbox", DESK),
            Map.entry("staff/catalog", DESK),
            Map.entry("staff/catalog-import", DESK),
            Map.entry("staff/citizens", DESK),
            Map.entry("staff/citizens/:id", DESK),
            Map.entry("staff/eligibility", DESK),
            Map.entry("staff/enrollments", DESK),
            Map.entry("staff/citizens/:id/enrollments", DESK),
            Map.entry("staff/enrollments/:offeringId", DESK),
            Map.entry("staff/closures", DESK),
            Map.entry("staff/desk", DESK),
            Map.entry("staff/booking-requests", DESK),
            Map.entry("staff/closures/new", DESK),
            Map.entry("staff/surveys", DESK),
            Map.entry("staff/surveys/new", DESK),
            Map.entry("survey", EVERYONE),
            Map.entry("staff/closures/plans/:id", DESK),
            Map.entry("staff/rounds", DESK),
            Map.entry("staff/rounds/:id", DESK),
            Map.entry("admin/enrollment-caps", Set.of(Who.ADMIN)),
            Map.entry("staff/class-reminders", DESK),
            Map.entry("admin/degree-rules", Set.of(Who.ADMIN)),
            Map.entry("admin/report-targets", Set.of(Who.ADMIN)),
            Map.entry("staff/degrees", DESK),
            Map.entry("staff/certificates", DESK),
            Map.entry("reports", DESK),
            // survey results (decision 0052): STAFF and ADMIN all; an instructor their own classes in the instructor area
            Map.entry("staff/survey-results", DESK),
            Map.entry("instructor/survey-results", Set.of(Who.INSTRUCTOR)),
            Map.entry("admin/accounts", Set.of(Who.ADMIN)),
            Map.entry("admin/fee-reductions", Set.of(Who.ADMIN)),
            Map.entry("admin/access-log", Set.of(Who.ADMIN)),
            Map.entry("admin/jobs", Set.of(Who.ADMIN)));

    @Test
    void every_route_is_open_to_exactly_the_expected_roles() throws Exception {
        Map<String, Class<?>> routes = routes();
        assertThat(routes.keySet()).as("routes without an entry in EXPECTED").containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        for (var route : routes.entrySet()) {
            for (Who who : Who.values()) {
                Principal principal = who == Who.ANONYMOUS ? null : () -> who.name().toLowerCase();
                boolean allowed = checker.hasAccess(route.getValue(), principal, role -> role.equals(who.name()));
                assertThat(allowed).as("%s may open '%s'", who, route.getKey())
                        .isEqualTo(EXPECTED.get(route.getKey()).contains(who));
            }
        }
    }

    @Test
    void the_layout_and_error_pages_are_open_to_everyone() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        for (Class<?> c : new Class<?>[] {MainLayout.class, NotFoundView.class, AccessDeniedView.class, ErrorView.class}) {
            assertThat(checker.hasAccess(c, null, role -> false)).as(c.getSimpleName()).isTrue();
        }
    }

    static Map<String, Class<?>> routes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> routes = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("org.baeum")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            routes.put(type.getAnnotation(Route.class).value(), type);
        }
        return routes;
    }

    static String describe(Map<String, Class<?>> routes) {
        return routes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().getSimpleName())
                .collect(Collectors.joining(", "));
    }
}
