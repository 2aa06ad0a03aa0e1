package org.baeum.account;

import java.util.Locale;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.i18n.Locales;
import org.baeum.base.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The account feature's API. Every method checks who calls it. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final CurrentUser currentUser;

    AccountService(AccountRepository accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    /** The caller's own account. */
    @PreAuthorize("isAuthenticated()")
    public Account myAccount() {
        String id = currentUser.require().accountId();
        return accounts.findById(id).map(AccountRepository::toAccount)
                .orElseThrow(() -> new IllegalStateException("Signed-in account " + id + " no longer exists"));
    }

    /** Active instructor accounts, for staff who assign instructors to programs. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public java.util.List<Account> instructors() {
        return accounts.findByRole(org.baeum.base.security.Role.INSTRUCTOR).stream()
                .map(AccountRepository::toAccount).filter(Account::enabled).toList();
    }

    /** The caller's language for the portal and for mail. */
    @PreAuthorize("isAuthenticated()")
    public void changeMyLanguage(Locale language) {
        accounts.updateLanguage(currentUser.require().accountId(), Locales.supported(language));
    }
}
