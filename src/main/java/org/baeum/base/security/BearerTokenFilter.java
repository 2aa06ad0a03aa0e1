package org.baeum.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A token names an account id and is stored in that account's
 * document, which is read fresh on every call (one read for the token and the account together, decision 0058), so a
 * revoked token, a deactivated account or a changed role takes effect at once on every instance, and a changed user
 * name or email address never leads a token to another account. Not a Spring bean (that would register it
 * for every request): the security configuration adds it to the chains that accept tokens.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            tokens.userFor(header.substring(PREFIX.length()).trim())
                    .filter(BaeumUser::isEnabled)
                    .ifPresent(user -> {
                        user.eraseCredentials();
                        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                        auth.setDetails(ClientAddressDetails.of(request));
                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(auth);
                        SecurityContextHolder.setContext(context);
                    });
        }
        chain.doFilter(request, response);
    }
}
