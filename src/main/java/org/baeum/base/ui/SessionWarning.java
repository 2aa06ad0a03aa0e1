package org.baeum.base.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.baeum.base.security.SecuritySettings;
import org.baeum.base.security.SessionLimits;

/**
 * Warns a signed-in person before their idle session ends ({@code frontend/session-warning.js}): a modal dialog
 * with a countdown, "stay signed in" (which counts as activity) and "sign out". The timeouts come from the
 * settings and the texts from the translations; the browser formats the countdown in the page's language.
 */
@Tag("baeum-session-warning")
@JsModule("./session-warning.js")
public class SessionWarning extends Component {

    private final transient SessionLimits limits;
    private final transient AuthenticationContext authentication;

    public SessionWarning(SessionLimits limits, AuthenticationContext authentication) {
        this.limits = limits;
        this.authentication = authentication;
        SecuritySettings.Session settings = limits.settings();
        getElement().getStyle().set("display", "contents"); // no box of its own in the toolbar, even before its script loads
        getElement().setAttribute("idle-seconds", Long.toString(settings.idleTimeout().toSeconds()));
        getElement().setAttribute("warning-seconds", Long.toString(settings.warningBefore().toSeconds()));
        getElement().setAttribute("heading", getTranslation("session.warning.title"));
        getElement().setAttribute("message", getTranslation("session.warning.message", settings.idleTimeout().toMinutes()));
        getElement().setAttribute("time-left-label", getTranslation("session.warning.timeLeft"));
        getElement().setAttribute("stay-label", getTranslation("session.warning.stay"));
        getElement().setAttribute("sign-out-label", getTranslation("layout.signOut"));
    }

    /** "Stay signed in": the call itself reaches the server as activity; this notes it explicitly too. */
    @ClientCallable
    void stay() {
        limits.recordActivity(VaadinSession.getCurrent().getSession());
    }

    @ClientCallable
    void signOut() {
        authentication.logout();
    }
}
