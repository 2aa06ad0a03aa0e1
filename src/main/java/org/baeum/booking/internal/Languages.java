package org.baeum.booking.internal;

import java.util.Locale;
import org.baeum.base.i18n.Locales;
import org.baeum.base.security.CurrentUser;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The language of a reason in the grid or a refusal: the signed-in person's, else the request's, else Korean. */
@Component
class Languages {

    private final CurrentUser currentUser;

    Languages(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    Locale current() {
        var language = currentUser.get().map(u -> u.language()).orElse(null);
        if (language != null) {
            return Locales.supported(language);
        }
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        return Locales.supported(context == null ? null : context.getLocale());
    }
}
