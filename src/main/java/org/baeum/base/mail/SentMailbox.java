package org.baeum.base.mail;

import java.util.List;
import java.util.Optional;

/**
 * What the portal sent, as far as it can know: with the in-process mail server, every message it received
 * (kept in memory until restart); with a real SMTP server, nothing (read it there).
 * <p>
 * Only STAFF and ADMIN read it, and never whole: every recipient address is masked and the token of every link is
 * hidden ({@code …?token=•••}), because a verification, reset, invitation or offer link is its recipient's alone.
 * Every method but {@link #available()} refuses anybody else with
 * {@link org.springframework.security.access.AccessDeniedException} (the destination names the mail server).
 */
public interface SentMailbox {

    /** True when the in-process server runs and messages can be read here. */
    boolean available();

    /** Newest first, at most {@code limit}, secrets hidden. */
    List<SentMail> newest(int offset, int limit);

    int count();

    /** One message, secrets hidden. */
    Optional<SentMail> byMessageId(String messageId);

    /** Where mail goes, for the view's explanation ("in-process server on 127.0.0.1:2525" or the SMTP host); STAFF and ADMIN. */
    String destination();
}
