package org.baeum.account.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baeum.base.i18n.Formats;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.base.security.SystemIdentity;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The account feature's mail (address verification, password reset, invitation, notices after a change of email or
 * password), added to the notification outbox in the recipient's language; the delivery job sends it with retries.
 */
@Component
public class AccountMail {

    public enum Kind {
        VERIFY(NotificationKind.VERIFY_EMAIL), RESET(NotificationKind.PASSWORD_RESET),
        INVITATION(NotificationKind.INVITATION), EMAIL_CHANGED(NotificationKind.EMAIL_CHANGED),
        PASSWORD_CHANGED(NotificationKind.PASSWORD_CHANGED), SIGNUP_ATTEMPT(NotificationKind.SIGNUP_ATTEMPT);

        final NotificationKind notification;

        Kind(NotificationKind notification) {
            this.notification = notification;
        }
    }

    private final NotificationService notifications;
    private final String publicUrl;

    AccountMail(NotificationService notifications, @Value("${baeum.public-url}") String publicUrl) {
        this.notifications = notifications;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Tells an account's owner that someone tried to sign up with its address, with plain links to the sign-in and
     * the "forgotten password" pages (no token: whoever typed the address must not get anything from it).
     */
    public boolean sendSignUpAttempt(String accountId, String to, String name, Locale locale) {
        NotificationRequest request = NotificationRequest.now("signupattempt:" + accountId + ":" + UUID.randomUUID(),
                NotificationKind.SIGNUP_ATTEMPT, new Recipient(accountId, to, name, locale, true), List.of(),
                Map.of("signin", publicUrl + "/login", "reset", publicUrl + "/forgot-password"));
        return SystemIdentity.call(() -> notifications.enqueue(request)).isPresent();
    }

    /**
     * @param link    the signed link, or {@code null} for notices
     * @param expires when the link stops working ({@code null} for notices)
     * @return whether it was added to the outbox (it always is: these are essential)
     */
    public boolean send(Kind kind, String accountId, String to, String name, Locale locale, String link, Instant expires) {
        List<String> parameters = expires == null ? List.of() : List.of(Formats.dateTime(expires, locale));
        Map<String, String> links = link == null ? Map.of() : Map.of("open", link);
        NotificationRequest request = NotificationRequest.now(kind.name().toLowerCase(Locale.ROOT) + ":" + accountId + ":"
                + UUID.randomUUID(), kind.notification, new Recipient(accountId, to, name, locale, true), parameters, links);
        // the account feature decided who gets this mail; the outbox takes mail only from the portal itself
        return SystemIdentity.call(() -> notifications.enqueue(request)).isPresent();
    }
}
