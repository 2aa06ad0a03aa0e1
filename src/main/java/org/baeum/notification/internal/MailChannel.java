package org.baeum.notification.internal;

import org.baeum.base.mail.Mailer;
import org.baeum.notification.NotificationChannel;
import org.springframework.stereotype.Component;

/** Mail through Jakarta Mail: HTML and plain-text parts, attachments, the row's stable Message-ID. */
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
        mailer.send(new Mailer.OutgoingMail(m.toAddress(), m.subject(), m.textBody(), m.htmlBody(), m.messageId(),
                m.attachments().stream().map(a -> new Mailer.Attachment(a.fileName(), a.contentType(), a.content())).toList()));
    }
}
