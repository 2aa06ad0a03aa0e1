package org.baeum.account.internal;

import java.util.Locale;
import java.util.Optional;
import org.baeum.base.i18n.LanguagePreferences;
import org.baeum.base.i18n.Locales;
import org.springframework.stereotype.Component;

/** Stores the language a signed-in user picked, on their account. */
@Component
class AccountLanguagePreferences implements LanguagePreferences {

    private final AccountRepository accounts;

    AccountLanguagePreferences(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Locale> languageOf(String accountId) {
        return accounts.findById(accountId).map(a -> a.language()).filter(l -> l != null && !l.isBlank())
                .map(Locales::fromTag);
    }

    @Override
    public void remember(String accountId, Locale language) {
        accounts.updateLanguage(accountId, Locales.supported(language));
    }
}
