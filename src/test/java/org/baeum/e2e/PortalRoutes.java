package org.baeum.e2e;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import java.security.Principal;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The portal's routes as Vaadin's own route registry holds them: the {@code @Route} and {@code @Layout} classes of
 * {@code org.baeum} found on the classpath (as the Spring add-on's route scan finds them when the portal starts), put
 * into an {@link ApplicationRouteRegistry} with {@link RouteConfiguration#setAnnotatedRoute}, then read back with their
 * templates; who may open each is what Vaadin's {@link AccessAnnotationChecker} (the check of navigation access
 * control) answers for its access annotations. No list of routes is kept by hand.
 */
final class PortalRoutes {

    enum Who { ANONYMOUS, CITIZEN, INSTRUCTOR, STAFF, ADMIN }

    /** One registered route: its template ({@code staff/rounds/:id}), its view class and the roles that may open it. */
    record Entry(String template, Class<? extends Component> view, Set<Who> allowed) {
        boolean parameterised() {
            return template.contains(":");
        }
    }

    private final ApplicationRouteRegistry registry;
    private final List<Entry> entries;

    private PortalRoutes(ApplicationRouteRegistry registry, List<Entry> entries) {
        this.registry = registry;
        this.entries = entries;
    }

    @SuppressWarnings("unchecked")
    static PortalRoutes scan() throws ClassNotFoundException {
        ApplicationRouteRegistry registry = ApplicationRouteRegistry.getInstance(new Context());
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        RouteConfiguration configuration = RouteConfiguration.forRegistry(registry);
        List<Class<?>> found = new java.util.ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.baeum")) {
            found.add(Class.forName(candidate.getBeanClassName()));
        }
        // layouts first, as the portal's startup registers them, so that routes find their @Layout
        found.stream().filter(c -> c.isAnnotationPresent(Layout.class))
                .forEach(c -> registry.setLayout((Class<? extends RouterLayout>) c));
        configuration.update(() -> found.stream().filter(c -> c.isAnnotationPresent(Route.class))
                .forEach(c -> configuration.setAnnotatedRoute((Class<? extends Component>) c)));
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        List<Entry> entries = configuration.getAvailableRoutes().stream()
                .sorted(Comparator.comparing(RouteData::getTemplate))
                .map(r -> new Entry(r.getTemplate(), r.getNavigationTarget(), allowed(checker, r.getNavigationTarget())))
                .toList();
        return new PortalRoutes(registry, entries);
    }

    private static Set<Who> allowed(AccessAnnotationChecker checker, Class<?> view) {
        Set<Who> allowed = EnumSet.noneOf(Who.class);
        for (Who who : Who.values()) {
            Principal principal = who == Who.ANONYMOUS ? null : () -> who.name().toLowerCase();
            if (checker.hasAccess(view, principal, role -> role.equals(who.name()))) {
                allowed.add(who);
            }
        }
        return allowed;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The address of a route with the given parameter values, as Vaadin's registry builds it. */
    String url(Entry entry, Map<String, String> parameters) {
        return registry.getTargetUrl(entry.view(), new RouteParameters(parameters))
                .orElseThrow(() -> new IllegalStateException("no address for " + entry.template() + " with " + parameters));
    }

    /** The smallest {@link VaadinContext}: attributes in a map, no context parameters. */
    private static final class Context implements VaadinContext {
        private final Map<Class<?>, Object> attributes = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getAttribute(Class<T> type, Supplier<T> defaultValueSupplier) {
            if (defaultValueSupplier == null) {
                return (T) attributes.get(type);
            }
            return (T) attributes.computeIfAbsent(type, t -> defaultValueSupplier.get());
        }

        @Override
        public <T> void setAttribute(Class<T> type, T value) {
            attributes.put(type, value);
        }

        @Override
        public void removeAttribute(Class<?> type) {
            attributes.remove(type);
        }

        @Override
        public Enumeration<String> getContextParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String getContextParameter(String name) {
            return null;
        }
    }
}
