package org.baeum.base.security;

import com.vaadin.flow.server.WrappedSession;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The limits of a signed-in portal session: it ends after {@link SecuritySettings.Session#idleTimeout()} without
 * activity, {@link SecuritySettings.Session#maxAge()} after sign-in in any case, and as soon as the account says
 * so ({@link SessionValidity}: password changed or reset, deactivated, "sign out everywhere").
 * <p>
 * Both times live in the HTTP session and the account state in the database, so every portal instance sharing
 * the database judges a session the same way; nothing is kept in memory here.
 */
@Component
public class SessionLimits {

    /** Session attributes: when the session was signed in and when it was last active ({@code Instant}s). */
    public static final String SIGNED_IN_AT = SessionLimits.class.getName() + ".signedInAt";
    public static final String LAST_ACTIVITY = SessionLimits.class.getName() + ".lastActivity";

    /** What a request finds its session to be. */
    enum Verdict {
        /** Within every limit. */
        GOES_ON,
        /** Idle too long or too old: the sign-in page says so ({@code /login?expired}). */
        EXPIRED,
        /** The account ended it: the sign-in page says so ({@code /login?ended}). */
        ENDED
    }

    private final SecuritySettings.Session settings;
    private final SessionValidity validity;
    private final Clock clock;

    SessionLimits(SecuritySettings settings, SessionValidity validity, Clock clock) {
        this.settings = settings.session();
        this.validity = validity;
        this.clock = clock;
    }

    public SecuritySettings.Session settings() {
        return settings;
    }

    /**
     * Judges the session of a signed-in user at a request and, if it goes on and the request is activity, notes the
     * activity. The first request seen after sign-in starts both clocks (it follows the sign-in at once).
     */
    Verdict check(WrappedSession session, BaeumUser user, boolean activity) {
        Instant now = clock.instant();
        Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
        Instant lastActivity = (Instant) session.getAttribute(LAST_ACTIVITY);
        if (signedInAt == null || lastActivity == null) {
            signedInAt = signedInAt == null ? now : signedInAt;
            lastActivity = now;
            session.setAttribute(SIGNED_IN_AT, signedInAt);
            session.setAttribute(LAST_ACTIVITY, lastActivity);
        }
        if (!now.isBefore(lastActivity.plus(settings.idleTimeout())) || !now.isBefore(signedInAt.plus(settings.maxAge()))) {
            return Verdict.EXPIRED;
        }
        if (!validity.stillValid(user.accountId(), user.sessionEpoch())) {
            return Verdict.ENDED;
        }
        if (activity) {
            session.setAttribute(LAST_ACTIVITY, now);
        }
        return Verdict.GOES_ON;
    }

    /** Notes activity in a session that is still within its limits (the user chose to stay signed in). */
    public void recordActivity(WrappedSession session) {
        session.setAttribute(LAST_ACTIVITY, clock.instant());
    }
}
