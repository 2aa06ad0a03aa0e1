package org.baeum.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notification to add to the outbox.
 *
 * @param key         unique per event and recipient (e.g. {@code enrolled:<enrolmentId>:<accountId>}): a retried
 *                    request that adds the same key again adds nothing
 * @param parameters  the values of {@code {0}}, {@code {1}}, … in the kind's subject and body
 * @param links       the kind's links by name ({@link NotificationKind#links()}); absent ones are left out
 * @param sendAt      when to send; {@code null} for as soon as possible
 */
public record NotificationRequest(String key, NotificationKind kind, Recipient to, List<String> parameters,
                                  Map<String, String> links, List<Attachment> attachments, Instant sendAt) {

    public NotificationRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        links = links == null ? Map.of() : Map.copyOf(links);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static NotificationRequest now(String key, NotificationKind kind, Recipient to, List<String> parameters,
                                          Map<String, String> links) {
        return new NotificationRequest(key, kind, to, parameters, links, List.of(), null);
    }

    /** A file sent along, e.g. {@code sessions.ics} ({@code text/calendar}). */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
