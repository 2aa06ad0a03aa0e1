package org.baeum.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.i18n.Messages;
import org.baeum.notification.NotificationKind;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a notification in the recipient's language from the message bundles: a greeting, the kind's body, a
 * button per link (with the address written out for mail programs that hide buttons), the kind's note and the
 * signature; once as plain text and once as HTML with the same words.
 */
@Component
public class MailTemplates {

    public record Rendered(String subject, String text, String html) {
    }

    private final Messages messages;

    MailTemplates(Messages messages) {
        this.messages = messages;
    }

    /** Every message key a kind needs, for the completeness test. */
    public static List<String> keys(NotificationKind kind) {
        String p = "mail." + kind.template() + ".";
        List<String> keys = new java.util.ArrayList<>(List.of(p + "subject", p + "body", p + "note"));
        kind.links().forEach(l -> keys.add(p + "action." + l));
        return keys;
    }

    public Rendered render(NotificationKind kind, Locale locale, String name, List<String> parameters,
                           Map<String, String> links) {
        String p = "mail." + kind.template() + ".";
        Object[] args = parameters.toArray();
        String subject = messages.get(p + "subject", locale, args);
        String greeting = messages.get("mail.greeting", locale, name);
        String body = messages.get(p + "body", locale, args);
        String note = messages.get(p + "note", locale, args);
        String signature = messages.get("mail.signature", locale);

        StringBuilder text = new StringBuilder().append(greeting).append("\n\n").append(body).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(esc(subject)).append("</title></head>")
                .append("<body style=\"font-family:sans-serif;font-size:16px;line-height:1.6;color:#1a1a1a\">")
                .append("<p>").append(esc(greeting)).append("</p><p>").append(esc(body).replace("\n", "<br>")).append("</p>");
        for (String link : kind.links()) {
            String url = links.get(link);
            if (url == null) {
                continue;
            }
            String action = messages.get(p + "action." + link, locale);
            text.append(action).append(":\n").append(url).append("\n\n");
            html.append("<p><a href=\"").append(esc(url)).append("\" style=\"display:inline-block;padding:12px 20px;")
                    .append("background:#0b57d0;color:#ffffff;border-radius:6px;text-decoration:none\">")
                    .append(esc(action)).append("</a><br><span style=\"font-size:14px\">")
                    .append(esc(messages.get("mail.linkFallback", locale))).append(' ').append(esc(url)).append("</span></p>");
        }
        if (!note.isBlank()) {
            text.append(note).append("\n\n");
            html.append("<p>").append(esc(note)).append("</p>");
        }
        text.append("-- \n").append(signature).append('\n');
        html.append("<hr><p style=\"font-size:14px\">").append(esc(signature)).append("</p></body></html>");
        return new Rendered(subject, text.toString(), html.toString());
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
