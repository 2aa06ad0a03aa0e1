package org.baeum.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountMail;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.domain.Masking;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The staff side of accounts. STAFF find a citizen to help (masked lists; opening the full record is written to
 * the access log). ADMIN create instructor and staff accounts (an invitation mail lets them set a password),
 * deactivate and reactivate accounts (sessions and tokens end at once), and send a password reset.
 */
@Service
public class AccountAdministration {

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);
    private static final Pattern USERNAME = Pattern.compile("^[a-z][a-z0-9._-]{2,39}$");
    public static final Set<Role> STAFF_SIDE = EnumSet.of(Role.INSTRUCTOR, Role.STAFF, Role.ADMIN);
    public static final int SEARCH_LIMIT = 50;

    /** The full record of a citizen for the desk. */
    public record CitizenRecord(Account account, List<Dependant> dependants) {
    }

    /** What ADMIN enters for a new instructor, staff or admin account. */
    public record NewStaffAccount(String name, String username, String email, Role role, String language) {
    }

    private final AccountRepository accounts;
    private final HouseholdService households;
    private final RegistrationService registration;
    private final ApiTokens tokens;
    private final AccessLog accessLog;
    private final CurrentUser currentUser;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountAdministration(AccountRepository accounts, HouseholdService households, RegistrationService registration,
                          ApiTokens tokens, AccessLog accessLog, CurrentUser currentUser, PasswordEncoder encoder,
                          Clock clock) {
        this.accounts = accounts;
        this.households = households;
        this.registration = registration;
        this.tokens = tokens;
        this.accessLog = accessLog;
        this.currentUser = currentUser;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Citizens matching a whole email address, four or more last digits of a mobile number, or a name's start. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<CitizenSummary> findCitizens(String text) {
        return accounts.searchCitizens(text, SEARCH_LIMIT).stream().map(AccountAdministration::summary).toList();
    }

    /** The full record of a citizen; every opening is written to the access log. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public CitizenRecord citizen(AccountId id) {
        AccountDocument a = accounts.findById(id.value()).filter(d -> d.roles().contains(Role.CITIZEN))
                .orElseThrow(() -> new AccessDeniedException("No such citizen"));
        accessLog.record(AccessAction.VIEW_PROFILE, a.id(), null);
        return new CitizenRecord(AccountRepository.toAccount(a), households.dependantsOf(id));
    }

    /** Instructor, staff and admin accounts, by name. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Account> staffAccounts(int offset, int limit) {
        return accounts.pageByRoles(STAFF_SIDE, offset, Math.min(limit, 500)).stream().map(AccountRepository::toAccount).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public long countStaffAccounts() {
        return accounts.countByRoles(STAFF_SIDE);
    }

    /**
     * Creates an instructor, staff or admin account with no usable password and mails an invitation link (valid
     * seven days) with which the person sets one.
     *
     * @throws InvalidInputException per field (name, username, email, role); nothing stored
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Account createStaffAccount(NewStaffAccount n) {
        List<FieldProblem> problems = new ArrayList<>();
        AccountRules.name("name", n.name(), problems);
        String username = n.username() == null ? "" : n.username().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            problems.add(FieldProblem.of("username", "admin.username.invalid"));
        }
        AccountRules.email("email", n.email(), problems);
        if (n.role() == null || !STAFF_SIDE.contains(n.role())) {
            problems.add(FieldProblem.of("role", "admin.role.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var now = clock.instant();
        AccountDocument doc = new AccountDocument(UUID.randomUUID().toString(), username, n.email().strip(),
                n.name().strip(), List.of(n.role()), true, AccountRules.language(n.language()),
                encoder.encode(UUID.randomUUID() + UUID.randomUUID().toString()), now, null, null, null, null, 0L, true, now);
        try {
            accounts.insert(doc);
        } catch (DuplicateKeyException e) {
            boolean emailTaken = accounts.findByLogin(n.email().strip()).filter(a -> a.email().equalsIgnoreCase(n.email().strip())).isPresent();
            throw InvalidInputException.of(emailTaken ? "email" : "username", emailTaken ? "account.email.taken" : "admin.username.taken");
        }
        AccountDocument stored = accounts.findById(doc.id()).orElseThrow();
        accessLog.record(AccessAction.CREATE_ACCOUNT, doc.id(), n.role().name());
        log.info("{} created {} account {} ({})", currentUser.require().getUsername(), n.role(), doc.id(), username);
        registration.sendReset(stored, AccountMail.Kind.INVITATION, RegistrationService.INVITATION_TTL);
        return AccountRepository.toAccount(stored);
    }

    /**
     * Deactivates or reactivates an account. Deactivation ends its sessions and API tokens at once. ADMIN cannot
     * deactivate their own account.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void setEnabled(AccountId id, boolean enabled) {
        if (!enabled && id.value().equals(currentUser.require().accountId())) {
            throw InvalidInputException.of("account", "admin.deactivate.self");
        }
        if (!accounts.setEnabled(id.value(), enabled)) {
            throw new AccessDeniedException("No such account");
        }
        long revoked = enabled ? 0 : tokens.revokeAll(id.value());
        accessLog.record(enabled ? AccessAction.REACTIVATE_ACCOUNT : AccessAction.DEACTIVATE_ACCOUNT, id.value(), null);
        log.info("{} {} account {} ({} API tokens revoked)", currentUser.require().getUsername(),
                enabled ? "reactivated" : "deactivated", id.value(), revoked);
    }

    /**
     * Ends the account's sessions and tokens and mails a reset link to its address: ADMIN never sees or sets the
     * password. Returns whether the mail went out.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean resetPassword(AccountId id) {
        accounts.raiseSessionEpoch(id.value());
        AccountDocument a = accounts.findById(id.value()).orElseThrow(() -> new AccessDeniedException("No such account"));
        tokens.revokeAll(a.id());
        accessLog.record(AccessAction.RESET_PASSWORD, a.id(), null);
        log.info("{} sent a password reset to account {}", currentUser.require().getUsername(), a.id());
        return registration.sendReset(a, AccountMail.Kind.RESET, RegistrationService.RESET_TTL);
    }

    /** Ends every API token of an account (e.g. a lost phone). */
    @PreAuthorize("hasRole('ADMIN')")
    public long revokeTokens(AccountId id) {
        long revoked = tokens.revokeAll(id.value());
        log.info("{} revoked {} API tokens of account {}", currentUser.require().getUsername(), revoked, id.value());
        return revoked;
    }

    static CitizenSummary summary(AccountDocument a) {
        return new CitizenSummary(new AccountId(a.id()), Masking.name(a.displayName()), Masking.email(a.email()),
                a.mobile() == null ? "" : Masking.phone(a.mobile()), a.birthDate() == null ? 0 : a.birthDate().getYear(),
                a.district() == null ? null : District.valueOf(a.district()), a.emailVerified(), a.enabled());
    }
}
