package org.baeum.base.i18n;

import java.util.Locale;
import java.util.Optional;

/** Remembers a signed-in user's language. Implemented by the account feature; base knows no feature. */
public interface LanguagePreferences {

    Optional<Locale> languageOf(String accountId);

    void remember(String accountId, Locale language);
}
