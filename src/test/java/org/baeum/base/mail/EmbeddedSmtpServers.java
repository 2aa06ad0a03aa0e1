package org.baeum.base.mail;

import com.icegreen.greenmail.util.GreenMail;
import org.springframework.context.ApplicationContext;

/** Reaches the portal's in-process SMTP server (GreenMail) from outside the package, for benchmarks. */
public final class EmbeddedSmtpServers {

    private EmbeddedSmtpServers() {
    }

    /** The running context's in-process server; fails when mail goes to a configured SMTP host instead. */
    public static GreenMail of(ApplicationContext context) {
        return context.getBean(MailConfiguration.SentMailboxHolder.class).embedded()
                .orElseThrow(() -> new IllegalStateException("BAEUM_SMTP_HOST is set: no in-process SMTP server"))
                .greenMail();
    }

    /**
     * The mail the in-process server received, whole (links with their tokens), newest first: what the recipients'
     * own mail clients would show, for tests that follow a link. The portal itself shows it to nobody but the recipient.
     */
    public static java.util.List<SentMail> whole(ApplicationContext context, int limit) {
        return context.getBean(MailConfiguration.SentMailboxHolder.class).embedded()
                .orElseThrow(() -> new IllegalStateException("BAEUM_SMTP_HOST is set: no in-process SMTP server"))
                .newest(0, limit);
    }
}
