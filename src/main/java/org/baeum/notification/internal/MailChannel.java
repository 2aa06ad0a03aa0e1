package org.baeum.notification.internal;

import org.baeum.base.mail.Mailer;
import org.baeum.notification.NotificationChannel;
import org.springframework.stereotype.Component;

/**
 * Mail through Jakarta Mail: HTML and plain-text parts, attachments, the row's stable Message-ID; a delivery worker's
 * messages share one SMTP connection.
 */
@Component
class MailChannel implements NotificationChannel {

    static final String NAME = "mail";

    private final Mailer mailer;

    MailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(Message m) {
        mailer.send(outgoing(m));
    }

    /** One SMTP connection for all the messages of a delivery worker's round. */
    @Override
    public Sender sender() {
        Mailer.Connection connection = mailer.connection();
        return new Sender() {
            @Override
            public void deliver(Message m) {
                connection.send(outgoing(m));
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    private static Mailer.OutgoingMail outgoing(Message m) {
        return new Mailer.OutgoingMail(m.toAddress(), m.subject(), m.textBody(), m.htmlBody(), m.messageId(),
                m.attachments().stream().map(a -> new Mailer.Attachment(a.fileName(), a.contentType(), a.content())).toList());
    }
}
