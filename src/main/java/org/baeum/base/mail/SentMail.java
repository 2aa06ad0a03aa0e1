package org.baeum.base.mail;

import java.time.Instant;
import java.util.List;

/** One message as the in-process mail server received it. */
public record SentMail(String messageId, Instant sentAt, String from, List<String> to, String subject,
                       String textBody, String htmlBody) {
}
