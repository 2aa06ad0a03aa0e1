package org.baeum.base.i18n;

import java.util.Locale;

/** Translated texts for code outside Vaadin views (REST answers, mail). */
public interface Messages {

    String get(String key, Locale locale, Object... params);
}
