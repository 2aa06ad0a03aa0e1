package org.baeum.account.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The account feature's mail: address verification, password reset, invitation, and notices after a change of
 * email or password. Written in the recipient's language. Sent at once for now; the notification outbox (next
 * issue) takes over delivery and retries. A send that fails is logged (without the link) and reported to the
 * caller, who offers "send again"; the change itself is stored either way.
 */
@Component
public class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    public enum Kind { VERIFY, RESET, INVITATION, EMAIL_CHANGED, PASSWORD_CHANGED }

    private final Mailer mailer;
    private final Messages messages;

    AccountMail(Mailer mailer, Messages messages) {
        this.mailer = mailer;
        this.messages = messages;
    }

    /**
     * @param link    the signed link, or {@code null} for notices
     * @param expires when the link stops working
     * @return whether the mail server accepted it
     */
    public boolean send(Kind kind, String to, String name, Locale locale, String link, Instant expires) {
        String prefix = "mail." + kind.name().toLowerCase(Locale.ROOT).replace("_", "");
        String subject = messages.get(prefix + ".subject", locale);
        String greeting = messages.get("mail.greeting", locale, name);
        String body = messages.get(prefix + ".body", locale);
        String expiry = expires == null ? null : messages.get("mail.linkExpires", locale, Formats.dateTime(expires, locale));
        String ignore = messages.get(prefix + ".ignore", locale);
        String signature = messages.get("mail.signature", locale);

        StringBuilder text = new StringBuilder().append(greeting).append("\n\n").append(body).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><body style=\"font-family:sans-serif;font-size:16px;line-height:1.6;color:#1a1a1a\">")
                .append("<p>").append(esc(greeting)).append("</p><p>").append(esc(body)).append("</p>");
        if (link != null) {
            String action = messages.get(prefix + ".action", locale);
            text.append(action).append(":\n").append(link).append("\n\n");
            html.append("<p><a href=\"").append(esc(link)).append("\" style=\"display:inline-block;padding:12px 20px;")
                    .append("background:#0b57d0;color:#ffffff;border-radius:6px;text-decoration:none\">")
                    .append(esc(action)).append("</a></p><p style=\"font-size:14px\">")
                    .append(esc(messages.get("mail.linkFallback", locale))).append("<br>").append(esc(link)).append("</p>");
        }
        if (expiry != null) {
            text.append(expiry).append("\n\n");
            html.append("<p>").append(esc(expiry)).append("</p>");
        }
        text.append(ignore).append("\n\n-- \n").append(signature).append('\n');
        html.append("<p>").append(esc(ignore)).append("</p><hr><p style=\"font-size:14px\">").append(esc(signature))
                .append("</p></body></html>");
        try {
            mailer.send(new Mailer.OutgoingMail(to, subject, text.toString(), html.toString(),
                    "<" + kind.name().toLowerCase(Locale.ROOT) + "." + UUID.randomUUID() + "@baeum>"));
            log.info("Sent {} mail to account holder (domain {})", kind, to.substring(to.indexOf('@') + 1));
            return true;
        } catch (MailException | IllegalArgumentException e) {
            log.warn("Could not send {} mail: {}", kind, e.getMessage());
            return false;
        }
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
