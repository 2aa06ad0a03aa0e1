package org.baeum.base.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail now, through whichever SMTP server is configured: one message, or many over one kept
 * {@link Connection}. Features do not call this inside a request: they queue mail in the notification outbox,
 * whose delivery job calls this.
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

    /** Messages sent over one connection before {@link Connection} opens a new one (servers may limit it). */
    static final int MESSAGES_PER_CONNECTION = 100;

    private final ConnectingMailSender sender;
    private final MailSettings settings;

    Mailer(ConnectingMailSender sender, MailSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    /** Sends one message over a connection of its own. */
    public void send(OutgoingMail mail) throws MailException {
        sender.send(compose(mail));
    }

    /**
     * A connection for sending many messages in a row from one thread (the delivery job's workers), so that each
     * message does not pay for connecting, the greeting, EHLO and, with a real server, STARTTLS and the login.
     * Not thread-safe; close it after the last message.
     */
    public Connection connection() {
        return new Connection();
    }

    /**
     * An SMTP connection that stays open between messages. It connects on the first message, checks before each
     * one that the server has not closed it (the transport's NOOP, as Spring's own sender does between the
     * messages of one call), and starts a new one after {@value #MESSAGES_PER_CONNECTION} messages or after an
     * error. Each {@link #send} returns only once the server has accepted that message, or throws.
     */
    public final class Connection implements AutoCloseable {

        private Transport transport;
        private int sent;

        private Connection() {
        }

        public void send(OutgoingMail mail) throws MailException {
            MimeMessage message = compose(mail);
            if (transport != null && (sent >= MESSAGES_PER_CONNECTION || !transport.isConnected())) {
                close();
            }
            if (transport == null) {
                try {
                    transport = sender.openTransport();
                } catch (AuthenticationFailedException e) {
                    throw new MailAuthenticationException(e);
                } catch (MessagingException | RuntimeException e) {
                    throw new MailSendException("Mail server connection failed", e);
                }
                sent = 0;
            }
            try {
                // as JavaMailSenderImpl prepares each message, keeping the Message-ID that saveChanges replaces
                if (message.getSentDate() == null) {
                    message.setSentDate(new java.util.Date());
                }
                String messageId = message.getMessageID();
                message.saveChanges();
                if (messageId != null) {
                    message.setHeader("Message-ID", messageId);
                }
                Address[] recipients = message.getAllRecipients();
                transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
                sent++;
            } catch (MessagingException | RuntimeException e) {
                // the connection's state is unknown now: the next message starts a new one
                close();
                throw new MailSendException("Failed to send the message: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException | RuntimeException e) {
                    // every message sent was accepted already; a failing QUIT changes nothing
                } finally {
                    transport = null;
                }
            }
        }
    }

    private MimeMessage compose(OutgoingMail mail) {
        // the sender's own message type: it hands MimeMessageHelper the sender's file type map, where a plain
        // MimeMessage makes the helper read Spring's mime.types file again for every message
        MimeMessage message = sender.createMimeMessage();
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
            if (mail.messageId() != null) {
                // JavaMailSenderImpl keeps a Message-ID that is set before sending (saveChanges would replace it)
                message.setHeader("Message-ID", mail.messageId());
            }
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Mail could not be composed: " + e.getMessage(), e);
        }
        return message;
    }
}
