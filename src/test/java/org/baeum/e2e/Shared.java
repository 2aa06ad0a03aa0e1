package org.baeum.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What the browser tests of one Failsafe JVM share (decision 0054): one Chromium ({@link Browser}) for every class, and
 * one {@link PackagedPortal} for the classes that need no fresh data of their own. A class asks for them as parameters
 * of its {@code @BeforeAll} method ({@code @ExtendWith(Shared.class)}); the first class to ask starts each, in JUnit's
 * root store, which closes both (they are {@link AutoCloseable}) when the whole run ends, never a class before.
 *
 * <p>A class may take the shared portal only if what it writes is invisible to the others' assertions and it passes
 * whatever the others wrote before it, in any order: the list of who shares and why is in decision 0054. A class that
 * restarts the portal, closes rooms, runs draws over the catalog's classes or changes the demo citizen's enrolments
 * starts its own {@link PackagedPortal#start()}.
 */
final class Shared implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Shared.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PackagedPortal.class || type == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        String asking = context.getRequiredTestClass().getSimpleName();
        if (type == Browser.class) {
            Browser browser = store.computeIfAbsent(Browser.class, k -> Browser.launch(), Browser.class);
            if (!browser.chromium.isConnected()) {
                // killed under it (the out-of-memory killer takes Chromium first): a new one, so that one loss fails
                // one class, as when every class had its own
                System.out.println("Shared Chromium is gone: a new one for " + asking);
                try {
                    store.remove(Browser.class, Browser.class).close(); // its Playwright driver
                } catch (RuntimeException alreadyGone) {
                    // nothing left to close
                }
                browser = store.computeIfAbsent(Browser.class, k -> Browser.launch(), Browser.class);
            }
            return browser;
        }
        PackagedPortal portal = store.computeIfAbsent(PackagedPortal.class, k -> start(asking), PackagedPortal.class);
        if (!portal.alive()) {
            System.out.println("Shared packaged portal is gone: a new one (fresh data) for " + asking);
            store.remove(PackagedPortal.class); // its process has ended: nothing to close
            portal = store.computeIfAbsent(PackagedPortal.class, k -> start(asking), PackagedPortal.class);
        }
        return portal;
    }

    private static PackagedPortal start(String asking) {
        try {
            PackagedPortal portal = PackagedPortal.start();
            System.out.println("Shared packaged portal ready in " + portal.lastStartup().toMillis() + " ms, for " + asking
                    + " and every class after it that shares it");
            return portal;
        } catch (Exception e) {
            throw new ParameterResolutionException("The shared packaged portal did not start", e);
        }
    }
}
