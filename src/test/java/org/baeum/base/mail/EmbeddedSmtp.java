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

    /** Every message received, whole (links with their tokens): what the recipients' mail clients show. */
    public static java.util.List<SentMail> whole(SentMailbox mailbox, int offset, int limit) {
        return server(mailbox).newest(offset, limit);
    }

    public static java.util.Optional<SentMail> whole(SentMailbox mailbox, String messageId) {
        return server(mailbox).byMessageId(messageId);
    }

    public static int count(SentMailbox mailbox) {
        return server(mailbox).count();
    }

    private static EmbeddedSmtpServer server(SentMailbox mailbox) {
        return ((MailConfiguration.SentMailboxHolder) mailbox).embedded().orElseThrow();
    }
}
