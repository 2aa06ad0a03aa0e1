package org.baeum.notification;

/** A notification's rendered content, for staff who check what was (or will be) sent. */
public record OutboxMessage(OutboxEntry entry, String to, String subject, String textBody, String htmlBody,
                            String messageId) {
}
