package org.baeum.base.mail;

/** Lets tests stop and start the in-process SMTP server, as in a mail server outage. */
public final class EmbeddedSmtp {

    private EmbeddedSmtp() {
    }

    public static void stop(SentMailbox mailbox) {
        server(mailbox).stop();
    }

    public static void start(SentMailbox mailbox) {
        server(mailbox).start();
    }

    /** The raw messages received, for checks on parts and attachments. */
    public static jakarta.mail.internet.MimeMessage[] received(SentMailbox mailbox) {
        return server(mailbox).received();
    }

    private static EmbeddedSmtpServer server(SentMailbox mailbox) {
        return ((MailConfiguration.SentMailboxHolder) mailbox).embedded().orElseThrow();
    }
}
