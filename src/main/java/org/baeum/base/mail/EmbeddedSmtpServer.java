package org.baeum.base.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The in-process SMTP server (GreenMail) used when no {@code BAEUM_SMTP_HOST} is set; 127.0.0.1 only. */
final class EmbeddedSmtpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

    /** The one mailbox that receives every message (its name is never used to address mail). */
    static final String CATCH_ALL = "sent-mail@baeum.localhost";

    private final GreenMail greenMail;

    EmbeddedSmtpServer(int port) {
        // a fixed port even when "any free port" was asked for, so a restart (stop/start) listens where the portal sends
        ServerSetup setup = new ServerSetup(port == 0 ? freePort() : port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(setup);
        greenMail.start();
        // one mailbox for everything: GreenMail would otherwise create a user and a mailbox per recipient address,
        // and it checks each new mailbox's name against every existing one (10,000 recipients: 50 million
        // comparisons, a sixth of the CPU of delivering 10,000 reminders; see docs/performance.md). Only SMTP runs,
        // so mailboxes are not visible anyway: what was received is read across all of them.
        try {
            GreenMailUser everything = greenMail.getUserManager().createUser(CATCH_ALL, CATCH_ALL, CATCH_ALL);
            greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> everything);
        } catch (UserException e) {
            greenMail.stop();
            throw new IllegalStateException("The in-process SMTP server's mailbox could not be created", e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    /** Stops listening (an outage); GreenMail forgets the mail it received so far. */
    void stop() {
        greenMail.stop();
        log.info("In-process SMTP server stopped");
    }

    /** Listens again on the same port. */
    void start() {
        greenMail.start();
        log.info("In-process SMTP server started again on port {}", port());
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    /** The server itself, for the mail delivery benchmark (received times, Message-IDs); not for features. */
    GreenMail greenMail() {
        return greenMail;
    }

    /** Whole messages, newest first: for this package only (the holder hides secrets before they leave it). */
    List<SentMail> newest(int offset, int limit) {
        // received in order; dates have whole seconds, so among equal dates the later received comes first
        List<jakarta.mail.internet.MimeMessage> received = new java.util.ArrayList<>(List.of(greenMail.getReceivedMessages()));
        java.util.Collections.reverse(received);
        return received.stream()
                .map(EmbeddedSmtpServer::toSentMail)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(SentMail::sentAt).reversed())
                .skip(offset).limit(limit).toList();
    }

    int count() {
        return greenMail.getReceivedMessages().length;
    }

    Optional<SentMail> byMessageId(String messageId) {
        return Arrays.stream(greenMail.getReceivedMessages()).map(EmbeddedSmtpServer::toSentMail)
                .flatMap(Optional::stream).filter(m -> m.messageId().equals(messageId)).findFirst();
    }

    String destination() {
        return "127.0.0.1:" + port();
    }

    private static Optional<SentMail> toSentMail(MimeMessage message) {
        try {
            Instant sent = message.getSentDate() != null ? message.getSentDate().toInstant()
                    : message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : Instant.EPOCH;
            Address[] to = message.getAllRecipients();
            String[] bodies = new String[2];
            collect(message, bodies);
            return Optional.of(new SentMail(
                    message.getMessageID() == null ? Integer.toHexString(System.identityHashCode(message)) : message.getMessageID(),
                    sent,
                    message.getFrom() == null || message.getFrom().length == 0 ? "" : message.getFrom()[0].toString(),
                    to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    message.getSubject() == null ? "" : message.getSubject(),
                    bodies[0] == null ? "" : bodies[0],
                    bodies[1]));
        } catch (MessagingException | IOException e) {
            log.warn("A received message could not be read: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Fills bodies[0] with the first text/plain part and bodies[1] with the first text/html part. */
    private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = part.getContent().toString();
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = part.getContent().toString();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (!Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
                    collect(body, bodies);
                }
            }
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
