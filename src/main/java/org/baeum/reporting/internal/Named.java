package org.baeum.reporting.internal;

import java.util.Locale;

/** A name in Korean and English (English falls back to Korean when missing). */
public record Named(String ko, String en) {

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : ko;
    }
}
