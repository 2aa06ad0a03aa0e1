package org.baeum.account.internal;

import java.util.EnumSet;
import java.util.Optional;
import org.baeum.base.i18n.Locales;
import org.baeum.base.security.AccountUsers;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SessionValidity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sign-in looks accounts up here, by user name or email address; bearer tokens by account id; session checks by
 * account id and session epoch.
 */
@Component
class AccountUserDetailsService implements UserDetailsService, AccountUsers, SessionValidity {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        return accounts.findByLogin(login).map(AccountUserDetailsService::user)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    @Override
    public Optional<BaeumUser> byAccountId(String accountId) {
        return accounts.findById(accountId).map(AccountUserDetailsService::user);
    }

    @Override
    public boolean stillValid(String accountId, long sessionEpoch) {
        return accounts.findById(accountId).map(a -> a.enabled() && a.sessionEpoch() == sessionEpoch).orElse(false);
    }

    static BaeumUser user(AccountDocument a) {
        return new BaeumUser(a.id(), a.username(), a.displayName(),
                a.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(a.roles()),
                a.enabled(), Locales.fromTag(a.language()), a.passwordHash(), a.sessionEpoch());
    }
}
