package org.baeum.enrollment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Locales;
import org.baeum.enrollment.EnrollmentRefusedException;

/**
 * The translated text of a refusal. Some refusals carry an {@link Instant} for a {@code {0,date,…}} pattern, which
 * {@link MessageFormat} cannot format (it wants a {@link Date}) and would write in the JVM's zone: this formats
 * them as dates in Asia/Seoul.
 */
final class Refusals {

    private Refusals() {
    }

    static String text(EnrollmentRefusedException refused, Component on) {
        Object[] arguments = refused.arguments();
        String pattern = on.getTranslation(refused.messageKey());
        if (arguments.length == 0) {
            return pattern;
        }
        Locale locale = on.getUI().map(UI::getLocale)
                .or(() -> Optional.ofNullable(UI.getCurrent()).map(UI::getLocale)).orElse(Locales.KOREAN);
        MessageFormat format = new MessageFormat(pattern, Locales.supported(locale));
        for (Format f : format.getFormats()) {
            if (f instanceof DateFormat date) {
                date.setTimeZone(TimeZone.getTimeZone(Formats.SEOUL));
            }
        }
        return format.format(Arrays.stream(arguments).map(a -> a instanceof Instant i ? Date.from(i) : a).toArray());
    }
}
