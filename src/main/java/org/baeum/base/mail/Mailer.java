package org.baeum.base.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one message now, through whichever SMTP server is configured. Features do not call this inside a
 * request: they queue mail in the notification outbox, whose delivery job calls this.
 */
@Component
public class Mailer {

    /** A message ready to send; {@code messageId} is stable across retries of the same notification. */
    public record OutgoingMail(String to, String subject, String textBody, String htmlBody, String messageId,
                               java.util.List<Attachment> attachments) {
        public OutgoingMail {
            attachments = attachments == null ? java.util.List.of() : java.util.List.copyOf(attachments);
        }

        public OutgoingMail(String to, String subject, String textBody, String htmlBody, String messageId) {
            this(to, subject, textBody, htmlBody, messageId, java.util.List.of());
        }
    }

    /** A file sent with a message, e.g. an iCalendar file of a class's sessions. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    private final JavaMailSenderImpl sender;
    private final MailSettings settings;

    Mailer(JavaMailSenderImpl sender, MailSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    public void send(OutgoingMail mail) throws MailException {
        MimeMessage message = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (mail.messageId() != null) {
                    setHeader("Message-ID", mail.messageId());
                } else {
                    super.updateMessageID();
                }
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message,
                    mail.htmlBody() != null || !mail.attachments().isEmpty(), "UTF-8");
            helper.setFrom(new InternetAddress(settings.from(), true));
            helper.setTo(new InternetAddress(mail.to(), true));
            helper.setSubject(mail.subject());
            if (mail.htmlBody() != null) {
                helper.setText(mail.textBody(), mail.htmlBody());
            } else {
                helper.setText(mail.textBody());
            }
            for (Attachment a : mail.attachments()) {
                helper.addAttachment(a.fileName(), new org.springframework.core.io.ByteArrayResource(a.content()), a.contentType());
            }
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Mail could not be composed: " + e.getMessage(), e);
        }
        sender.send(message);
    }
}
