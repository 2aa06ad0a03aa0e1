package org.baeum.notification;

import java.time.Instant;

/**
 * A mail the portal sent to the signed-in person, whole (its links work): for reading one's own mail in the portal
 * when the in-process mail server delivers it.
 */
public record OwnMail(String id, NotificationKind kind, Instant sentAt, String to, String subject, String textBody) {
}
