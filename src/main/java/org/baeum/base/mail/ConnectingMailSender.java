package org.baeum.base.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring's mail sender, which also opens a connection for {@link Mailer.Connection} to keep: Spring's
 * {@code send} connects, sends and disconnects each time (or per call with several messages).
 */
class ConnectingMailSender extends JavaMailSenderImpl {

    /** A connected transport, with Spring's own host, port, protocol and login handling. */
    Transport openTransport() throws MessagingException {
        return connectTransport();
    }
}
