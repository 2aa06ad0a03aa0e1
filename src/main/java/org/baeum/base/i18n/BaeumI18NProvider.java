package org.baeum.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * All texts of the portal, from {@code i18n/messages_ko.properties} and {@code i18n/messages_en.properties}
 * (UTF-8). A missing key shows as {@code !key!} and is logged, and a test keeps both files in step.
 */
@Component
public class BaeumI18NProvider implements I18NProvider, Messages {

    static final String BUNDLE = "i18n.messages";
    private static final Logger log = LoggerFactory.getLogger(BaeumI18NProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return Locales.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale lang = Locales.supported(locale);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, lang, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            log.warn("Missing translation '{}' for {}", key, lang);
            return "!" + key + "!";
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, lang).format(params);
    }

    @Override
    public String get(String key, Locale locale, Object... params) {
        return getTranslation(key, locale, params);
    }

    /** Whether the language has a text for the key (for texts that exist for some values only). */
    public boolean has(String key, Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, Locales.supported(locale), NO_FALLBACK).containsKey(key);
    }
}
