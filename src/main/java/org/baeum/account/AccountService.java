package org.baeum.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountMail;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Locales;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.LoginThrottle;
import org.baeum.base.security.LoginThrottledException;
import org.baeum.base.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The signed-in person's own account: profile, language, email address, password, "sign out everywhere".
 * Every method acts on the caller's own account only; there is no way to name another.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final CurrentUser currentUser;
    private final PasswordEncoder encoder;
    private final ApiTokens tokens;
    private final RegistrationService registration;
    private final AccountMail mail;
    private final Clock clock;
    private final LoginThrottle throttle;

    AccountService(AccountRepository accounts, CurrentUser currentUser, PasswordEncoder encoder, ApiTokens tokens,
                   RegistrationService registration, AccountMail mail, Clock clock,
                   LoginThrottle throttle) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.encoder = encoder;
        this.tokens = tokens;
        this.registration = registration;
        this.mail = mail;
        this.clock = clock;
    }

    /** The caller's own account. */
    @PreAuthorize("isAuthenticated()")
    public Account myAccount() {
        return AccountRepository.toAccount(me());
    }

    /**
     * An account as other features need it to write to its holder (mail for an offer, a cancellation): for staff and
     * the system identity; nothing is written to the access log because nothing is shown to a person.
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Optional<Account> account(AccountId id) {
        return accounts.findById(id.value()).map(AccountRepository::toAccount);
    }

    /**
     * Many accounts at once, as {@link #account} (a reminder job's batch): those that exist, by id.
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public java.util.Map<AccountId, Account> accounts(java.util.Collection<AccountId> ids) {
        java.util.Map<AccountId, Account> found = new java.util.HashMap<>();
        accounts.findByIds(ids.stream().map(AccountId::value).toList())
                .forEach(d -> found.put(new AccountId(d.id()), AccountRepository.toAccount(d)));
        return found;
    }

    /** Active instructor accounts, for staff who assign instructors to programs. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<Account> instructors() {
        return accounts.findByRole(Role.INSTRUCTOR).stream()
                .map(AccountRepository::toAccount).filter(Account::enabled).toList();
    }

    /** The caller's language for the portal and for mail. */
    @PreAuthorize("isAuthenticated()")
    public void changeMyLanguage(Locale language) {
        accounts.updateLanguage(currentUser.require().accountId(), Locales.supported(language));
    }

    /**
     * Name, mobile number, district and the reminder choice. Citizens must keep a district; staff-side accounts
     * have none.
     *
     * @throws InvalidInputException per field; nothing stored
     */
    @PreAuthorize("isAuthenticated()")
    public Account updateMyProfile(ProfileChange change) {
        AccountDocument me = me();
        List<FieldProblem> problems = new ArrayList<>();
        AccountRules.name("name", change.name(), problems);
        AccountRules.mobile("mobile", change.mobile(), problems);
        if (change.district() == null && me.roles().contains(Role.CITIZEN)) {
            problems.add(FieldProblem.of("district", "account.district.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        accounts.updateProfile(me.id(), change.name().strip(), AccountRules.normaliseMobile(change.mobile()),
                change.district() == null ? null : change.district().name(), change.reminders());
        log.info("Account {} changed its profile", me.id());
        return myAccount();
    }

    /**
     * A new email address after the current password. The new address must be confirmed (a link goes there); the
     * old address is told of the change. A citizen's user name follows the address. Like a password change, every
     * session and every API token of the account ends (this one too): whoever signs in next does so with the new
     * address, and nothing issued for the old one can ever reach whoever takes that address later.
     *
     * @return whether the verification mail could be sent now
     * @throws InvalidInputException at {@code currentPassword} or {@code email}; nothing stored
     */
    @PreAuthorize("isAuthenticated()")
    public boolean changeMyEmail(String currentPassword, String newEmail) {
        AccountDocument me = me();
        requirePassword(me, currentPassword);
        List<FieldProblem> problems = new ArrayList<>();
        AccountRules.email("email", newEmail, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String email = newEmail.strip().toLowerCase(Locale.ROOT);
        if (email.equals(me.email())) {
            throw InvalidInputException.of("email", "account.email.same");
        }
        try {
            accounts.changeEmail(me.id(), email, me.username().equals(me.email()));
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("email", "account.email.taken");
        }
        long revoked = tokens.revokeAll(me.id());
        log.info("Account {} changed its email address (confirmation pending); sessions ended, {} API tokens revoked",
                me.id(), revoked);
        mail.send(AccountMail.Kind.EMAIL_CHANGED, me.id(), me.email(), me.displayName(), Locales.fromTag(me.language()), null, null);
        return registration.sendVerification(accounts.findById(me.id()).orElseThrow());
    }

    /**
     * A new password after the current one. Every other session and every API token of the account ends; the
     * caller signs in again with the new password.
     *
     * @throws InvalidInputException at {@code currentPassword} or {@code password}; nothing stored
     */
    @PreAuthorize("isAuthenticated()")
    public void changeMyPassword(String currentPassword, String newPassword) {
        AccountDocument me = me();
        requirePassword(me, currentPassword);
        List<FieldProblem> problems = new ArrayList<>();
        AccountRules.password("password", newPassword, problems, me.email(), me.username());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        accounts.changePassword(me.id(), encoder.encode(newPassword));
        long revoked = tokens.revokeAll(me.id());
        throttle.forgetAccount(me.id());
        log.info("Account {} changed its password; sessions ended, {} API tokens revoked", me.id(), revoked);
        mail.send(AccountMail.Kind.PASSWORD_CHANGED, me.id(), me.email(), me.displayName(), Locales.fromTag(me.language()), null, null);
    }

    /** Ends every session and API token of the caller's account, this one included. */
    @PreAuthorize("isAuthenticated()")
    public void signOutEverywhere() {
        String id = currentUser.require().accountId();
        accounts.raiseSessionEpoch(id);
        long revoked = tokens.revokeAll(id);
        log.info("Account {} signed out everywhere ({} API tokens revoked)", id, revoked);
    }

    /** Whether the caller's email address is confirmed (enrolment needs it). */
    @PreAuthorize("isAuthenticated()")
    public boolean myEmailVerified() {
        return me().emailVerified();
    }

    private AccountDocument me() {
        String id = currentUser.require().accountId();
        return accounts.findById(id)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Account " + id + " no longer exists"));
    }

    /**
     * Checks the current password. Each guess is counted before it is checked (a few per window and account, apart
     * from sign-in: {@link LoginThrottle#beginPasswordCheck}); the right password gives its count back.
     */
    void requirePassword(AccountDocument me, String currentPassword) {
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.beginPasswordCheck(me.id());
        } catch (LoginThrottledException e) {
            log.info("Account {} is refused a current-password check until {} (too many wrong ones)", me.id(), e.until());
            throw InvalidInputException.of("currentPassword", "login.error.throttled");
        }
        if (currentPassword == null || currentPassword.isEmpty() || me.passwordHash() == null
                || !encoder.matches(currentPassword, me.passwordHash())) {
            log.info("Account {} gave a wrong current password", me.id());
            throw InvalidInputException.of("currentPassword", "account.currentPassword.wrong");
        }
        throttle.succeeded(attempt);
    }
}
