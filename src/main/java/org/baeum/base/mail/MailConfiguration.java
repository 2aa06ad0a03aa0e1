package org.baeum.base.mail;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.baeum.base.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Mail: the SMTP server in {@code BAEUM_SMTP_HOST}, or an in-process one when that is empty. Spring Boot's
 * mail health indicator checks whichever is used.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    /** The system property Jakarta Mail reads first when it looks for its {@code StreamProvider}. */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up again each time a multipart is created or parsed (three
     * times per message sent, as often again in the in-process server that receives it): with a ServiceLoader, which
     * reads every jar on the class path (jakartaee/mail-api#699 and #861). That was a sixth of the CPU of delivering
     * 10,000 reminders (docs/performance.md). Naming the implementation in the system property it reads first makes
     * each lookup a loaded-class lookup. Left alone when someone set the property, or when Angus Mail (Spring Boot's
     * Jakarta Mail implementation) is not there.
     */
    static void nameTheStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailConfiguration.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }

    @Bean(destroyMethod = "close")
    SentMailboxHolder sentMailbox(MailSettings settings) {
        nameTheStreamProvider();
        if (!settings.embedded()) {
            return new SentMailboxHolder(null, settings);
        }
        EmbeddedSmtpServer server = new EmbeddedSmtpServer(settings.embeddedPort());
        log.info("Mail: in-process SMTP server on 127.0.0.1:{}; STAFF read sent mail in the portal (Sent mail)",
                server.port());
        return new SentMailboxHolder(server, settings);
    }

    @Bean
    ConnectingMailSender mailSender(MailSettings settings, SentMailboxHolder mailbox) {
        ConnectingMailSender sender = new ConnectingMailSender();
        sender.setDefaultEncoding("UTF-8");
        Properties props = sender.getJavaMailProperties();
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        if (mailbox.embedded().isPresent()) {
            sender.setHost("127.0.0.1");
            sender.setPort(mailbox.embedded().get().port());
        } else {
            sender.setHost(settings.host());
            sender.setPort(settings.port());
            if (!settings.username().isEmpty()) {
                sender.setUsername(settings.username());
                sender.setPassword(settings.password());
                props.put("mail.smtp.auth", "true");
            }
            if (settings.starttls()) {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            log.info("Mail: SMTP server {}:{}", settings.host(), settings.port());
        }
        return sender;
    }

    /**
     * The sent-mail reader: the in-process server's, or one that says mail went elsewhere. It checks the caller's role
     * itself (it is not proxied by method security) and hides every secret before mail leaves it; the whole messages
     * stay inside this package.
     */
    static final class SentMailboxHolder implements SentMailbox, AutoCloseable {
        private final EmbeddedSmtpServer server;
        private final MailSettings settings;

        SentMailboxHolder(EmbeddedSmtpServer server, MailSettings settings) {
            this.server = server;
            this.settings = settings;
        }

        Optional<EmbeddedSmtpServer> embedded() {
            return Optional.ofNullable(server);
        }

        @Override
        public boolean available() {
            return server != null;
        }

        @Override
        public List<SentMail> newest(int offset, int limit) {
            requireDesk();
            return server == null ? List.of() : server.newest(offset, limit).stream().map(SentMail::redacted).toList();
        }

        @Override
        public int count() {
            requireDesk();
            return server == null ? 0 : server.count();
        }

        @Override
        public Optional<SentMail> byMessageId(String messageId) {
            requireDesk();
            return server == null ? Optional.empty() : server.byMessageId(messageId).map(SentMail::redacted);
        }

        @Override
        public String destination() {
            requireDesk();
            return server == null ? settings.host() + ":" + settings.port() : server.destination();
        }

        private static void requireDesk() {
            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
            boolean desk = auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                    .anyMatch(a -> a.equals(Role.STAFF.authority()) || a.equals(Role.ADMIN.authority()));
            if (!desk) {
                throw new org.springframework.security.access.AccessDeniedException("Sent mail is for STAFF and ADMIN");
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
