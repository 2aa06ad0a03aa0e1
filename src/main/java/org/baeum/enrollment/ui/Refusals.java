package org.baeum.enrollment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import java.util.Optional;
import org.baeum.base.i18n.Locales;
import org.baeum.enrollment.EnrollmentRefusedException;

/** The translated text of a refusal; a time in it is written as a Seoul date and time. */
final class Refusals {

    private Refusals() {
    }

    static String text(EnrollmentRefusedException refused, Component on) {
        if (refused.arguments().length == 0) {
            return on.getTranslation(refused.messageKey());
        }
        Locale locale = on.getUI().map(UI::getLocale)
                .or(() -> Optional.ofNullable(UI.getCurrent()).map(UI::getLocale)).orElse(Locales.KOREAN);
        return on.getTranslation(refused.messageKey(), refused.arguments(Locales.supported(locale)));
    }
}
