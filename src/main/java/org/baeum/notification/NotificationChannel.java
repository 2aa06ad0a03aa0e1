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

    /**
     * For delivering many messages in a row from one thread: a sender that may keep what they can share (the mail
     * channel keeps its SMTP connection open). By default each message is delivered on its own.
     */
    default Sender sender() {
        return new Sender() {
            @Override
            public void deliver(Message message) throws Exception {
                NotificationChannel.this.deliver(message);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Delivers as {@link NotificationChannel#deliver} does, one message at a time; close it after the last. */
    interface Sender extends AutoCloseable {

        void deliver(Message message) throws Exception;

        @Override
        void close();
    }
}
