package org.baeum.base.i18n;

import java.util.List;
import java.util.Locale;

/** The portal's languages: Korean first (the default), then English. */
public final class Locales {

    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(KOREAN, ENGLISH);

    private Locales() {
    }

    /** The supported language closest to the given one; Korean when there is none. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return KOREAN;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(KOREAN);
    }

    public static Locale fromTag(String tag) {
        return tag == null || tag.isBlank() ? KOREAN : supported(Locale.forLanguageTag(tag));
    }
}
