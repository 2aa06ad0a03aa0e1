package org.baeum;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baeum.base.mail.SentMail;
import org.baeum.base.mail.SentMailbox;
import org.springframework.stereotype.Component;

/** Reads what the portal mailed, through the in-process SMTP server: the newest mail to an address and its link. */
@Component
public class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+\\?token=[A-Za-z0-9%._-]+");

    private final SentMailbox sent;

    Mailbox(SentMailbox sent) {
        this.sent = sent;
    }

    public List<SentMail> to(String address) {
        return sent.newest(0, 500).stream().filter(m -> m.to().stream().anyMatch(t -> t.equalsIgnoreCase(address))).toList();
    }

    public Optional<SentMail> newestTo(String address) {
        return to(address).stream().findFirst();
    }

    /** The signed link in the newest mail to the address. */
    public String linkTo(String address) {
        SentMail mail = newestTo(address).orElseThrow(() -> new AssertionError("No mail to " + address));
        return link(mail);
    }

    public static String link(SentMail mail) {
        Matcher m = LINK.matcher(mail.textBody());
        if (!m.find()) {
            throw new AssertionError("No link in mail '" + mail.subject() + "'");
        }
        return m.group();
    }

    /** The token part of the link, URL-decoded. */
    public static String token(String link) {
        return java.net.URLDecoder.decode(link.substring(link.indexOf("?token=") + 7), java.nio.charset.StandardCharsets.UTF_8);
    }
}
