package org.baeum.base.security;

import com.vaadin.flow.server.WrappedHttpSession;
import com.vaadin.flow.shared.ApplicationConstants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link SessionLimits} to every request of the UI filter chain that comes with a signed-in session (it
 * sits right after the security context is loaded from the session). A Vaadin heartbeat is judged but is not
 * activity; every other request is.
 * <p>
 * A session over its limits is invalidated and the request goes on as anonymous. A page request is sent to
 * {@code /login?expired} or {@code /login?ended}. Vaadin's own requests (UIDL, heartbeat) then find no session
 * and Vaadin's client goes to its session-expired address, {@code /login?expired}
 * ({@code SessionExpiredRedirect}); when the account ended the session, a short-lived cookie lets this filter
 * turn that into {@code /login?ended}, so the person learns that their account changed, not that they were idle.
 */
final class SessionLimitsFilter extends OncePerRequestFilter {

    static final String ENDED_COOKIE = "baeum-session-ended";
    private static final Logger log = LoggerFactory.getLogger(SessionLimitsFilter.class);

    private final SessionLimits limits;

    SessionLimitsFilter(SessionLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = session == null ? null : SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof BaeumUser user) {
            SessionLimits.Verdict verdict = limits.check(new WrappedHttpSession(session), user, !isHeartbeat(request));
            if (verdict != SessionLimits.Verdict.GOES_ON) {
                end(session, user, verdict);
                if (isPageRequest(request)) {
                    response.sendRedirect(loginPage(request, verdict == SessionLimits.Verdict.ENDED ? "ended" : "expired"));
                    return;
                }
                if (verdict == SessionLimits.Verdict.ENDED) {
                    endedCookie(request, response, 600);
                }
            }
        } else if (isPageRequest(request) && request.getParameter("expired") != null && hasEndedCookie(request)) {
            // the cookie's path is /login: this is Vaadin's client arriving after an account change
            endedCookie(request, response, 0);
            response.sendRedirect(loginPage(request, "ended"));
            return;
        }
        chain.doFilter(request, response);
    }

    private void end(HttpSession session, BaeumUser user, SessionLimits.Verdict verdict) {
        log.info("Session of account {} {}", user.accountId(),
                verdict == SessionLimits.Verdict.ENDED ? "ended by an account change" : "expired");
        SecurityContextHolder.clearContext();
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // a parallel request of the same session ended it first
        }
    }

    private static boolean isHeartbeat(HttpServletRequest request) {
        return ApplicationConstants.REQUEST_TYPE_HEARTBEAT.equals(
                request.getParameter(ApplicationConstants.REQUEST_TYPE_PARAMETER));
    }

    /** A browser loading a page, not a script, a style sheet or one of Vaadin's background requests. */
    private static boolean isPageRequest(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "GET".equals(request.getMethod())
                && request.getParameter(ApplicationConstants.REQUEST_TYPE_PARAMETER) == null
                && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static String loginPage(HttpServletRequest request, String why) {
        return request.getContextPath() + "/login?" + why;
    }

    private static boolean hasEndedCookie(HttpServletRequest request) {
        return request.getCookies() != null
                && Arrays.stream(request.getCookies()).map(Cookie::getName).anyMatch(ENDED_COOKIE::equals);
    }

    private static void endedCookie(HttpServletRequest request, HttpServletResponse response, long maxAgeSeconds) {
        ResponseCookie cookie = ResponseCookie.from(ENDED_COOKIE, maxAgeSeconds > 0 ? "1" : "")
                .path(request.getContextPath() + "/login").httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .maxAge(maxAgeSeconds).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
