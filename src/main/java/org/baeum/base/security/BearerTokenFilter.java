package org.baeum.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. The account is loaded fresh on every call, so a
 * deactivated account or a changed role takes effect at once. Not a Spring bean (that would register it
 * for every request): the security configuration adds it to the chains that accept tokens.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final UserDetailsService users;

    BearerTokenFilter(ApiTokens tokens, UserDetailsService users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            tokens.usernameFor(header.substring(PREFIX.length()).trim())
                    .flatMap(this::load)
                    .filter(UserDetails::isEnabled)
                    .ifPresent(user -> {
                        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                        auth.setDetails(ClientAddressDetails.of(request));
                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(auth);
                        SecurityContextHolder.setContext(context);
                    });
        }
        chain.doFilter(request, response);
    }

    private java.util.Optional<UserDetails> load(String username) {
        try {
            UserDetails user = users.loadUserByUsername(username);
            if (user instanceof org.springframework.security.core.CredentialsContainer c) {
                c.eraseCredentials();
            }
            return java.util.Optional.of(user);
        } catch (UsernameNotFoundException e) {
            return java.util.Optional.empty();
        }
    }
}
