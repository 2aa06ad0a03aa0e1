package org.baeum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.ui.RouteAccessTest.Who;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.ClassUtils;

/**
 * {@link RouteAccessTest}'s table, navigated for real: every route of {@link RouteAccessTest#EXPECTED}, opened by each
 * role in the browserless kit (the portal's own navigation access control, error views and login view). A role the
 * table allows must land on the route's own view; a refused anonymous visitor on the login view, a refused signed-in
 * user on the access-denied view. A route that is gone lands on the not-found view and fails, as does a page that
 * throws (error view) or a check that was dropped.
 *
 * <p>A new route needs its line in {@link RouteAccessTest#EXPECTED}; a route with parameters a real value in
 * {@link #parameters()}; a page that sends some users elsewhere by design a line in {@link #FORWARDED}.
 */
@BaeumIntegrationTest
class RouteRoleMatrixBrowserlessTest extends SpringBrowserlessTest {

    /** Allowed, but the page sends this role on by design: route → role → the view they land on. */
    static final Map<String, Map<Who, Class<?>>> FORWARDED = Map.of(
            "login", Map.of(Who.CITIZEN, HomeView.class, Who.INSTRUCTOR, HomeView.class, Who.STAFF, HomeView.class,
                    Who.ADMIN, HomeView.class),
            // "sign in and apply": a visitor goes to the sign-in page (which keeps the address), a citizen to the round
            "rounds/:id/apply", Map.of(Who.CITIZEN, route("rounds/:id")),
            // the instructor here does not teach the offering, so the Attendance service refuses them
            "instructor/offerings/:id/attendance", Map.of(Who.INSTRUCTOR, AccessDeniedView.class),
            "instructor/offerings/:id/completion", Map.of(Who.INSTRUCTOR, AccessDeniedView.class));

    static final Map<Who, String> USERS = Map.of(Who.CITIZEN, "nav.citizen@test.baeum", Who.INSTRUCTOR, "nav-instructor",
            Who.STAFF, "nav-staff", Who.ADMIN, "nav-admin");

    @Autowired
    TestAccounts accounts;
    @Autowired
    CatalogService catalog;

    /** A round for {@code rounds/:id/draw}: upcoming, so its draw page shows the commitment and the close. */
    static String round;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalog, @Autowired RoundService rounds, @Autowired Clock clock) {
        DemoCatalogFixture.load(contributors);
        accounts.citizen(USERS.get(Who.CITIZEN), "길찾기시민", LocalDate.of(1985, 4, 5));
        accounts.create(USERS.get(Who.INSTRUCTOR), Role.INSTRUCTOR);
        accounts.create(USERS.get(Who.STAFF), Role.STAFF);
        accounts.create(USERS.get(Who.ADMIN), Role.ADMIN);
        OfferingId offering = catalog.search(CatalogQuery.all()).items().getFirst().id();
        round = new RoundFixture(rounds, clock, accounts.user(USERS.get(Who.STAFF))).upcoming("NAV", List.of(offering))
                .id().value();
    }

    /** The view of a route whose class another feature keeps to itself. */
    private static Class<?> route(String path) {
        try {
            return RouteAccessTest.routes().get(path);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** Where to go for a route with parameters: real values (a published offering, the citizen's own record). */
    private Map<String, String> parameters() {
        var first = catalog.search(CatalogQuery.all()).items().getFirst();
        String offering = first.id().value();
        String program = first.program().id().value();
        String citizen = accounts.user(USERS.get(Who.CITIZEN)).accountId();
        return Map.ofEntries(
                Map.entry("catalog/offering/:id", "catalog/offering/" + offering),
                Map.entry("staff/citizens/:id", "staff/citizens/" + citizen),
                Map.entry("staff/citizens/:id/enrollments", "staff/citizens/" + citizen + "/enrollments"),
                Map.entry("staff/enrollments/:offeringId", "staff/enrollments/" + offering),
                Map.entry("instructor/offerings/:id/attendance", "instructor/offerings/" + offering + "/attendance"),
                Map.entry("instructor/offerings/:id/completion", "instructor/offerings/" + offering + "/completion"),
                Map.entry("staff/programs/:programId/completion", "staff/programs/" + program + "/completion"),
                Map.entry("rounds/:id/draw", "rounds/" + round + "/draw"),
                Map.entry("rounds/:id", "rounds/" + round),
                Map.entry("rounds/:id/apply", "rounds/" + round + "/apply"),
                Map.entry("staff/rounds/:id", "staff/rounds/" + round),
                // an unknown plan: the page itself says so (PlanViewBrowserlessTest has real ones)
                Map.entry("staff/closures/plans/:id", "staff/closures/plans/unknown-plan"),
                // an unknown code: the page itself says so (CertificateVerificationViewBrowserlessTest has real ones)
                Map.entry("certificates/:code", "certificates/AAAAAAAAAAAA"),
                // an unknown resource: the page says so (BookingViewsBrowserlessTest opens real ones)
                Map.entry("staff/bookables/:id/day", "staff/bookables/no-such-bookable/day"));
    }

    @Test
    void anonymous_visitors() {
        assertThat(landings(Who.ANONYMOUS)).isEmpty();
    }

    @Test
    void citizens() {
        assertThat(landings(Who.CITIZEN)).isEmpty();
    }

    @Test
    void instructors() {
        assertThat(landings(Who.INSTRUCTOR)).isEmpty();
    }

    @Test
    void staff() {
        assertThat(landings(Who.STAFF)).isEmpty();
    }

    @Test
    void admins() {
        assertThat(landings(Who.ADMIN)).isEmpty();
    }

    /** Opens every route of the table as {@code who}; the answers that differ from the table's. */
    private List<String> landings(Who who) {
        signIn(who);
        Map<String, Class<?>> routes;
        try {
            routes = RouteAccessTest.routes();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> parameters = parameters();
        List<String> wrong = new ArrayList<>();
        routes.keySet().stream().filter(route -> !RouteAccessTest.EXPECTED.containsKey(route))
                .forEach(route -> wrong.add("'%s' has no line in RouteAccessTest.EXPECTED".formatted(route)));
        for (var entry : new TreeMap<>(RouteAccessTest.EXPECTED).entrySet()) {
            String route = entry.getKey();
            Class<?> own = routes.get(route);
            Class<?> expected = FORWARDED.getOrDefault(route, Map.of()).get(who);
            if (expected == null) {
                expected = entry.getValue().contains(who) ? own
                        : who == Who.ANONYMOUS ? LoginView.class : AccessDeniedView.class;
            }
            String location = parameters.getOrDefault(route, route);
            assertThat(location).as("a value for the parameters of '%s' in parameters()", route).doesNotContain(":");
            UI.getCurrent().navigate(location);
            Class<?> landed = ClassUtils.getUserClass(getCurrentView().getClass());
            if (expected == null || !landed.equals(expected)) {
                wrong.add("%s as %s: %s, expected %s".formatted(location, who, landed.getSimpleName(),
                        expected == null ? "a route (none is registered)" : expected.getSimpleName()));
            }
        }
        return wrong;
    }

    /**
     * Signs {@code who} in as a real sign-in does (thread and session) and starts a new browserless session, so the UI
     * and its layout are built for them. The application context stays the same.
     */
    private void signIn(Who who) {
        TestAccounts.signOut();
        cleanVaadinEnvironment();
        if (who != Who.ANONYMOUS) {
            BaeumUser user = accounts.user(USERS.get(who));
            TestAccounts.signIn(user);
        }
        initVaadinEnvironment();
        if (who != Who.ANONYMOUS) {
            VaadinSession.getCurrent().getSession().setAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    SecurityContextHolder.getContext());
        }
    }
}
