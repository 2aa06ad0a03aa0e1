package org.baeum.base.mail;

import java.time.Instant;
import java.util.List;
import org.baeum.base.domain.Masking;

/** One message as the in-process mail server received it. */
public record SentMail(String messageId, Instant sentAt, String from, List<String> to, String subject,
                       String textBody, String htmlBody) {

    /** The same message for someone other than its recipient: addresses masked, the token of every link hidden. */
    SentMail redacted() {
        return new SentMail(messageId, sentAt, from, to.stream().map(SentMail::maskAddress).toList(), subject,
                Masking.links(textBody), Masking.links(htmlBody));
    }

    /** {@code 이름 <kim@example.com>} or {@code kim@example.com} → the address masked, the name dropped. */
    private static String maskAddress(String recipient) {
        int lt = recipient.lastIndexOf('<');
        int gt = recipient.lastIndexOf('>');
        String address = lt >= 0 && gt > lt ? recipient.substring(lt + 1, gt) : recipient;
        return Masking.email(address.strip());
    }
}
