package org.baeum.base.security;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as security sees them. Loaded by the account feature's {@code UserDetailsService};
 * the password hash is erased after authentication.
 */
public final class BaeumUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String accountId;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean enabled;
    private final Locale language;
    private final long sessionEpoch;
    private String passwordHash;

    public BaeumUser(String accountId, String username, String displayName, Set<Role> roles, boolean enabled,
                     Locale language, String passwordHash) {
        this(accountId, username, displayName, roles, enabled, language, passwordHash, 0L);
    }

    /**
     * @param sessionEpoch the account's session epoch when it was loaded: raised by a password change or reset and
     *                     by deactivation, which ends every session signed in under an older epoch
     */
    public BaeumUser(String accountId, String username, String displayName, Set<Role> roles, boolean enabled,
                     Locale language, String passwordHash, long sessionEpoch) {
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.enabled = enabled;
        this.language = language;
        this.passwordHash = passwordHash;
        this.sessionEpoch = sessionEpoch;
    }

    /** The account's session epoch at sign-in; see {@link SessionValidity}. */
    public long sessionEpoch() {
        return sessionEpoch;
    }

    public String accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Locale language() {
        return language;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().sorted().map(Role::authority).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaeumUser other && other.accountId.equals(accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }

    @Override
    public String toString() {
        return "BaeumUser[" + username + ", roles=" + List.copyOf(roles) + "]";
    }
}
