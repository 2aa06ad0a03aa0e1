package org.baeum.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountMail;
import org.baeum.account.internal.AccountRepository;
import org.baeum.account.internal.SignUpThrottle;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.LoginThrottle;
import org.baeum.base.security.Role;
import org.baeum.base.security.SignedLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Sign-up, address verification and password reset: the entry points a person uses before or without signing
 * in (the form and {@code POST /api/v1/accounts} both come here), plus "send the verification mail again".
 */
@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    public static final String VERIFY = "verify-email";
    public static final String RESET = "reset-password";
    public static final Duration VERIFY_TTL = Duration.ofHours(48);
    public static final Duration RESET_TTL = Duration.ofHours(1);
    public static final Duration INVITATION_TTL = Duration.ofDays(7);
    /** The page paths the links open. */
    public static final String VERIFY_PAGE = "verify-email";
    public static final String RESET_PAGE = "reset-password";
    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String UNSUBSCRIBE_PAGE = "unsubscribe";
    /** Reminder mail may be read weeks later; the link stops reminders only, so it may live long. */
    public static final Duration UNSUBSCRIBE_TTL = Duration.ofDays(180);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final SignedLinks links;
    private final AccountMail mail;
    private final ApiTokens tokens;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final SignUpThrottle throttle;
    private final Clock clock;
    private final LoginThrottle loginThrottle;

    RegistrationService(AccountRepository accounts, PasswordEncoder encoder, SignedLinks links, AccountMail mail,
                        ApiTokens tokens, CurrentUser currentUser, ApplicationEventPublisher events,
                        SignUpThrottle throttle, Clock clock, LoginThrottle loginThrottle) {
        this.loginThrottle = loginThrottle;
        this.accounts = accounts;
        this.encoder = encoder;
        this.links = links;
        this.mail = mail;
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.events = events;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * Signs a citizen up (user name = email address) and mails the verification link. Every rule is checked before
     * anything is stored. An address that already has an account is answered exactly like a new one (same work, the
     * password hashed too, and nothing returned that differs); its owner gets a mail saying that someone tried to sign
     * up with it, with links to sign in and to reset the password. So the answer never tells who is registered.
     *
     * @param clientAddress where the request came from, for the per-address limit ({@code null} when unknown)
     * @throws InvalidInputException     with every problem, per field; nothing was stored or counted
     * @throws SignUpThrottledException  too many sign-ups from this client address or with this email address in
     *                                   the current window; nothing was stored or sent
     */
    public void signUp(SignUpRequest request, String clientAddress) {
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>(AccountRules.signUp(request, today));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        Optional<Instant> refusedUntil = throttle.countAndCheck(email, clientAddress);
        if (refusedUntil.isPresent()) {
            log.warn("Sign-up refused: too many from client address {} or with one email address until {}",
                    clientAddress, refusedUntil.get());
            throw new SignUpThrottledException(refusedUntil.get(), throttle.secondsUntil(refusedUntil.get()));
        }
        Instant now = clock.instant();
        AccountDocument account = new AccountDocument(UUID.randomUUID().toString(), email, email,
                request.name().strip(), List.of(Role.CITIZEN), true, AccountRules.language(request.language()),
                encoder.encode(request.password()), now, AccountRules.normaliseMobile(request.mobile()),
                request.birthDate(), request.district().name(), null, 0L, true, now, false, false); // no claims (0060), no marks (0065)
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            tellOwnerOfAttempt(email, clientAddress);
            return;
        }
        log.info("Citizen account {} signed up", account.id());
        events.publishEvent(new AccountEvents.AccountSignedUp(new AccountId(account.id())));
        sendVerification(account);
    }

    private void tellOwnerOfAttempt(String email, String clientAddress) {
        Optional<AccountDocument> owner = accounts.findByLogin(email).filter(a -> a.email().equals(email));
        if (owner.isEmpty()) {
            // the address is another account's user name only: nobody to tell at this address
            log.info("Sign-up from {} with an address taken as a user name; nothing stored or sent", clientAddress);
            return;
        }
        AccountDocument a = owner.get();
        mail.sendSignUpAttempt(a.id(), a.email(), a.displayName(), org.baeum.base.i18n.Locales.fromTag(a.language()));
        log.info("Sign-up from {} with the address of account {}; its owner was mailed, nothing stored", clientAddress,
                a.id());
    }

    /** Sends the caller a new verification link (one a minute at most). False when none could be sent now. */
    @PreAuthorize("isAuthenticated()")
    public boolean resendVerification() {
        AccountDocument account = accounts.findById(currentUser.require().accountId()).orElseThrow();
        if (account.emailVerified() || !accounts.claimLinkMail(account.id(), clock.instant())) {
            return false;
        }
        return sendVerification(account);
    }

    boolean sendVerification(AccountDocument account) {
        String token = links.sign(VERIFY, account.id() + ":" + account.email(), VERIFY_TTL);
        return mail.send(AccountMail.Kind.VERIFY, account.id(), account.email(), account.displayName(),
                org.baeum.base.i18n.Locales.fromTag(account.language()), links.url(VERIFY_PAGE, token),
                clock.instant().plus(VERIFY_TTL));
    }

    /** Confirms the address the link was sent to, if it is still the account's address. */
    public LinkOutcome verifyEmail(String token) {
        SignedLinks.Check check = links.check(VERIFY, token);
        if (check.status() == SignedLinks.Status.INVALID) {
            return LinkOutcome.INVALID;
        }
        String[] subject = check.claims().subject().split(":", 2);
        Optional<AccountDocument> account = accounts.findById(subject[0]);
        if (account.isEmpty() || subject.length < 2 || !account.get().email().equals(subject[1])) {
            return LinkOutcome.INVALID;
        }
        if (account.get().emailVerified()) {
            return LinkOutcome.ALREADY_DONE;
        }
        SignedLinks.Check use = links.use(VERIFY, token);
        if (!use.valid()) {
            return outcome(use.status());
        }
        if (!accounts.markEmailVerified(subject[0], subject[1], clock.instant())) {
            return LinkOutcome.INVALID;
        }
        log.info("Account {} confirmed its email address", subject[0]);
        events.publishEvent(new AccountEvents.EmailVerified(new AccountId(subject[0])));
        return LinkOutcome.DONE;
    }

    /**
     * Sends a reset link if an enabled account has this address, and says nothing either way (the form and the API
     * answer the same whether or not the address is known). One mail a minute per account at most.
     */
    public void requestPasswordReset(String email) {
        if (email == null || email.isBlank() || email.length() > AccountRules.EMAIL_MAX) {
            return;
        }
        accounts.findByLogin(email.strip())
                .filter(a -> a.email().equals(email.strip().toLowerCase(Locale.ROOT)) && a.enabled())
                .filter(a -> accounts.claimLinkMail(a.id(), clock.instant()))
                .ifPresent(a -> sendReset(a, AccountMail.Kind.RESET, RESET_TTL));
    }

    /** Sends a reset (or, for a new staff account, an invitation) link; used by ADMIN's tools as well. */
    boolean sendReset(AccountDocument account, AccountMail.Kind kind, Duration ttl) {
        String token = links.sign(RESET, account.id() + ":" + account.sessionEpoch(), ttl);
        boolean sent = mail.send(kind, account.id(), account.email(), account.displayName(),
                org.baeum.base.i18n.Locales.fromTag(account.language()), links.url(RESET_PAGE, token),
                clock.instant().plus(ttl));
        log.info("{} link for account {} {}", kind, account.id(), sent ? "sent" : "not sent (mail server refused)");
        return sent;
    }

    /** Whether a reset link can still be used (the page shows the form only then). */
    public LinkOutcome checkReset(String token) {
        SignedLinks.Check check = links.check(RESET, token);
        if (!check.valid()) {
            return outcome(check.status());
        }
        return resetTarget(check).isPresent() ? LinkOutcome.DONE : LinkOutcome.USED;
    }

    /**
     * Sets a new password through a reset link. Every session and API token of the account ends.
     *
     * @throws InvalidInputException at {@code password} when the password breaks the policy; the link stays usable
     */
    public LinkOutcome resetPassword(String token, String newPassword) {
        SignedLinks.Check check = links.check(RESET, token);
        if (!check.valid()) {
            return outcome(check.status());
        }
        Optional<AccountDocument> account = resetTarget(check);
        if (account.isEmpty()) {
            return LinkOutcome.USED;
        }
        List<FieldProblem> problems = new ArrayList<>();
        AccountRules.password("password", newPassword, problems, account.get().email(), account.get().username());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SignedLinks.Check use = links.use(RESET, token);
        if (!use.valid()) {
            return outcome(use.status());
        }
        AccountDocument a = account.get();
        accounts.changePassword(a.id(), encoder.encode(newPassword));
        if (!a.emailVerified()) {
            // the link reached the address: it is confirmed (the invitation of a staff account works this way too)
            accounts.markEmailVerified(a.id(), a.email(), clock.instant());
        }
        long revoked = tokens.revokeAll(a.id());
        // earlier guesses were at the old password: an owner held back at an unfamiliar address gets in at once
        loginThrottle.forgetAccount(a.id());
        log.info("Password of account {} reset through a mailed link; sessions ended, {} API tokens revoked", a.id(), revoked);
        return LinkOutcome.DONE;
    }

    /** The account a reset link is for, if its password has not changed since the link was made. */
    private Optional<AccountDocument> resetTarget(SignedLinks.Check check) {
        String[] subject = check.claims().subject().split(":", 2);
        return accounts.findById(subject[0])
                .filter(AccountDocument::enabled)
                .filter(a -> subject.length == 2 && Long.toString(a.sessionEpoch()).equals(subject[1]));
    }

    /**
     * The "stop reminders" link for an account's reminder mail (class reminders, survey invitations). Features that
     * send reminders put it in the notification's {@code unsubscribe} link.
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public String unsubscribeLink(AccountId account) {
        return links.url(UNSUBSCRIBE_PAGE, links.sign(UNSUBSCRIBE, account.value(), UNSUBSCRIBE_TTL));
    }

    /** Turns reminder mail off for the link's account. Opening the link again changes nothing and says so. */
    public LinkOutcome unsubscribe(String token) {
        SignedLinks.Check check = links.check(UNSUBSCRIBE, token);
        if (!check.valid()) {
            return outcome(check.status());
        }
        Optional<AccountDocument> account = accounts.findById(check.claims().subject());
        if (account.isEmpty()) {
            return LinkOutcome.INVALID;
        }
        if (!account.get().reminders()) {
            return LinkOutcome.ALREADY_DONE;
        }
        AccountDocument a = account.get();
        accounts.updateProfile(a.id(), a.displayName(), a.mobile(), a.district(), false);
        log.info("Account {} turned reminder mail off through a mailed link", a.id());
        return LinkOutcome.DONE;
    }

    private static LinkOutcome outcome(SignedLinks.Status status) {
        return switch (status) {
            case VALID -> LinkOutcome.DONE;
            case EXPIRED -> LinkOutcome.EXPIRED;
            case USED -> LinkOutcome.USED;
            case INVALID -> LinkOutcome.INVALID;
        };
    }
}
