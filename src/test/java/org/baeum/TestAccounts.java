package org.baeum;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates accounts for tests and signs them in for code that reads the security context. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final UserDetailsService users;
    private String hash;

    TestAccounts(AccountRepository accounts, PasswordEncoder encoder, UserDetailsService users) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.users = users;
    }

    /** An enabled account with {@link #PASSWORD}; its user name is the given one. */
    public BaeumUser create(String username, Role role) {
        return create(username, role, true);
    }

    public BaeumUser create(String username, Role role, boolean enabled) {
        if (hash == null) {
            hash = encoder.encode(PASSWORD);
        }
        accounts.insert(new AccountDocument(UUID.randomUUID().toString(), username, username + "@test.baeum",
                "테스트 " + username, List.of(role), enabled, "ko", hash, Instant.now()));
        return user(username);
    }

    /**
     * {@code n} verified citizens: {@code <prefix><i>@test.baeum}, named {@code <name><i>}, born on consecutive days
     * from {@code firstBirthDate}.
     */
    public java.util.List<BaeumUser> citizens(String prefix, String name, int n, java.time.LocalDate firstBirthDate) {
        java.util.List<BaeumUser> made = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            made.add(citizen(prefix + i + "@test.baeum", name + i, firstBirthDate.plusDays(i)));
        }
        return made;
    }

    /** A verified citizen with a birth date and district, like one who signed up; user name = email. */
    public BaeumUser citizen(String email, String name, java.time.LocalDate birthDate) {
        return citizen(email, name, birthDate, String.format("010%08d", Math.floorMod(email.hashCode(), 100_000_000)));
    }

    public BaeumUser citizen(String email, String name, java.time.LocalDate birthDate, String mobile) {
        if (hash == null) {
            hash = encoder.encode(PASSWORD);
        }
        Instant now = Instant.now();
        accounts.insert(new AccountDocument(UUID.randomUUID().toString(), email, email, name, List.of(Role.CITIZEN), true,
                "ko", hash, now, mobile, birthDate, "MAPO", now, 0L, true, null));
        return user(email);
    }

    /** The account with this user name, created (enabled, {@link #PASSWORD}) if it does not exist yet. */
    public BaeumUser userOrCreate(String username, Role role) {
        return accounts.findByLogin(username).isPresent() ? user(username) : create(username, role);
    }

    public BaeumUser user(String username) {
        return (BaeumUser) users.loadUserByUsername(username);
    }

    /** Puts the user into the current thread's security context (for services and browserless views). */
    public static void signIn(BaeumUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
