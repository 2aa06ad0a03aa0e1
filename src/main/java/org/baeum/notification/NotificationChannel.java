package org.baeum.notification;

/**
 * A way to reach people: mail now; KakaoTalk or SMS later, added as another implementation without touching the
 * features that send notifications.
 */
public interface NotificationChannel {

    /** A rendered message for one recipient. {@code messageId} is the same on every retry of the same notification. */
    record Message(String id, NotificationKind kind, String toAddress, String subject, String textBody, String htmlBody,
                   String messageId, java.util.List<NotificationRequest.Attachment> attachments) {
    }

    String name();

    /**
     * Delivers the message or throws; a throw means "try again later" (the outbox retries with back-off).
     */
    void deliver(Message message) throws Exception;
}
