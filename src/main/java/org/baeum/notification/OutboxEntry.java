package org.baeum.notification;

import java.time.Instant;

/** A notification as staff see it in the outbox list: the recipient masked. */
public record OutboxEntry(String id, NotificationKind kind, String maskedRecipient, OutboxState state, int attempts,
                          Instant createdAt, Instant dueAt, Instant sentAt, String lastError) {
}
