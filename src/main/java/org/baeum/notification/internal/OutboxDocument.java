package org.baeum.notification.internal;

import java.time.Instant;
import java.util.List;
import org.baeum.base.scheduling.DueWork;
import org.baeum.notification.NotificationKind;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One row of the {@code outbox}: one notification for one recipient, rendered when it was added (what staff see is
 * what goes out), with the due-work fields of {@link DueWork}. {@code key} is unique.
 */
public record OutboxDocument(@BsonId String id, String key, NotificationKind kind, String channel, String accountId,
                             String toAddress, String language, String subject, String textBody, String htmlBody,
                             List<AttachmentDocument> attachments, String messageId, Instant createdAt,
                             DueWork.Status status, Instant dueAt, int attempts, String owner, Instant leaseUntil,
                             String lastError, Instant doneAt) {

    public OutboxDocument {
        attachments = attachments == null ? List.of() : attachments;
    }

    public record AttachmentDocument(String fileName, String contentType, byte[] content) {
    }
}
