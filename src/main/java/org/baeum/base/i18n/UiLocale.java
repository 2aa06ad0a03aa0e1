package org.baeum.base.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import org.baeum.base.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Chooses the language of each new UI: the language picked in this session, else the signed-in user's
 * remembered language, else the browser's if it is Korean or English, else Korean. Keeps
 * {@code <html lang>} in step so screen readers pronounce the page right.
 */
@Component
public class UiLocale implements VaadinServiceInitListener {

    static final String SESSION_KEY = UiLocale.class.getName();

    private final LanguagePreferences preferences;
    private final CurrentUser currentUser;

    UiLocale(LanguagePreferences preferences, CurrentUser currentUser) {
        this.preferences = preferences;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> apply(init.getUI(), resolve(VaadinRequest.getCurrent())));
    }

    Locale resolve(VaadinRequest request) {
        VaadinSession session = VaadinSession.getCurrent();
        Locale chosen = session == null ? null : (Locale) session.getAttribute(SESSION_KEY);
        Optional<String> accountId = currentUser.get().map(u -> u.accountId());
        if (chosen != null) {
            accountId.ifPresent(id -> {
                if (!preferences.languageOf(id).map(chosen::equals).orElse(false)) {
                    preferences.remember(id, chosen);
                }
            });
            return chosen;
        }
        return accountId.flatMap(preferences::languageOf)
                .orElseGet(() -> Locales.supported(request == null ? null : request.getLocale()));
    }

    /** The language chosen for this browser session; new UIs of the session open in it. */
    public static void chooseForSession(VaadinSession session, Locale locale) {
        session.setAttribute(SESSION_KEY, Locales.supported(locale));
    }

    /** Switches the language for this session (and remembers it for a signed-in user), then reloads. */
    public void switchTo(UI ui, Locale locale) {
        Locale lang = Locales.supported(locale);
        chooseForSession(VaadinSession.getCurrent(), lang);
        currentUser.get().ifPresent(u -> preferences.remember(u.accountId(), lang));
        apply(ui, lang);
        ui.getPage().reload();
    }

    private static void apply(UI ui, Locale locale) {
        ui.setLocale(locale);
        ui.getPage().executeJs("document.documentElement.setAttribute('lang', $0)", locale.toLanguageTag());
    }
}
