package org.baeum.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.baeum.base.domain.Masking;
import org.baeum.base.scheduling.DueWork;
import org.baeum.notification.internal.DeliveryScheduling;
import org.baeum.notification.internal.MailTemplates;
import org.baeum.notification.internal.OutboxDocument;
import org.baeum.notification.internal.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The outbox. Features never send mail in a request: they add a notification here (one row per event and recipient,
 * rendered now in the recipient's language), and the delivery job sends it with retries. Staff read the outbox and
 * send failed rows again.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final DeliveryScheduling scheduling;
    private final Clock clock;
    private final String messageIdDomain;
    private final org.baeum.base.audit.AccessLog accessLog;

    NotificationService(OutboxRepository outbox, MailTemplates templates, DeliveryScheduling scheduling, Clock clock,
                        @org.springframework.beans.factory.annotation.Value("${baeum.public-url}") String publicUrl,
                        org.baeum.base.audit.AccessLog accessLog) {
        this.accessLog = accessLog;
        this.outbox = outbox;
        this.templates = templates;
        this.scheduling = scheduling;
        this.clock = clock;
        String host = java.net.URI.create(publicUrl).getHost();
        this.messageIdDomain = host == null ? "baeum" : host;
    }

    /**
     * Adds a notification, unless the same key was added before (then nothing changes) or it is a reminder the
     * recipient turned off.
     *
     * @return the row's id, or empty when not sent by the recipient's choice
     * @throws org.springframework.security.access.AccessDeniedException unless the portal itself asks
     *         ({@link org.baeum.base.security.SystemIdentity}): a feature checks its own caller, then adds its mail as
     *         the system, so no view or API call can mail anyone anything
     */
    @PreAuthorize(org.baeum.base.security.SystemIdentity.ONLY)
    public Optional<String> enqueue(NotificationRequest request) {
        if (!request.kind().essential() && !request.to().wantsReminders()) {
            log.debug("Notification {} not added: the recipient turned reminders off", request.kind());
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        OutboxDocument row = outbox.insertOnce(row(id, request, clock.instant()));
        Instant due = row.dueAt();
        if (row.id().equals(id)) {
            log.info("Notification {} ({}) added for account {}", id, request.kind(), request.to().accountId());
            scheduling.wakeUpAt(due);
        }
        return Optional.of(row.id());
    }

    /**
     * Adds many notifications with one insert (a reminder job's batch, decision 0049), each as {@link #enqueue} would:
     * a key added before adds nothing, a reminder the recipient turned off is left out.
     *
     * @return how many rows were added
     */
    @PreAuthorize(org.baeum.base.security.SystemIdentity.ONLY)
    public int enqueueAll(List<NotificationRequest> requests) {
        Instant now = clock.instant();
        List<OutboxDocument> rows = requests.stream()
                .filter(r -> r.kind().essential() || r.to().wantsReminders())
                .map(r -> row(UUID.randomUUID().toString(), r, now)).toList();
        int added = outbox.insertAllOnce(rows);
        rows.stream().map(OutboxDocument::dueAt).min(Instant::compareTo).ifPresent(scheduling::wakeUpAt);
        log.info("{} of {} notifications added in one batch", added, requests.size());
        return added;
    }

    /** The row of a request, rendered now in the recipient's language. */
    private OutboxDocument row(String id, NotificationRequest request, Instant now) {
        Locale language = request.to().language() == null ? Locale.KOREAN : request.to().language();
        MailTemplates.Rendered mail = templates.render(request.kind(), language, request.to().name(),
                request.parameters(), request.links());
        Instant due = request.sendAt() == null || request.sendAt().isBefore(now) ? now : request.sendAt();
        return new OutboxDocument(id, request.key(), request.kind(), "mail",
                request.to().accountId(), request.to().email().strip().toLowerCase(Locale.ROOT), language.getLanguage(),
                mail.subject(), mail.text(), mail.html(),
                request.attachments().stream().map(a -> new OutboxDocument.AttachmentDocument(a.fileName(),
                        a.contentType(), a.content())).toList(),
                "<" + id + "@" + messageIdDomain + ">", now, DueWork.Status.PENDING, due, 0, null, null, null, null);
    }

    /** Rows by state, kind and recipient address, newest first, with masked recipients. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<OutboxEntry> outbox(OutboxState state, NotificationKind kind, String recipient, int offset, int limit) {
        return outbox.page(status(state), kind, recipient, offset, Math.min(limit, 500)).stream()
                .map(NotificationService::entry).toList();
    }

    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public long count(OutboxState state, NotificationKind kind, String recipient) {
        return outbox.count(status(state), kind, recipient);
    }

    /**
     * One row with its rendered content, for staff checking what was sent. The tokens of links are hidden (a reset or
     * offer link is the recipient's alone: staff must not be able to use it), and the opening is written to the access
     * log, since the content names the person.
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public Optional<OutboxMessage> message(String id) {
        return outbox.findById(id).map(d -> {
            if (d.accountId() != null) {
                accessLog.record(org.baeum.base.audit.AccessAction.VIEW_NOTIFICATION, d.accountId(), d.kind().name() + " " + d.id());
            }
            return new OutboxMessage(entry(d), Masking.email(d.toAddress()), d.subject(), Masking.links(d.textBody()),
                    Masking.links(d.htmlBody()), d.messageId());
        });
    }

    /** Puts a failed row back in line now; false when it is not failed (any more). */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public boolean resend(String id) {
        boolean requeued = outbox.due().requeue(id);
        if (requeued) {
            log.info("Failed notification {} queued again by staff", id);
            scheduling.wakeUp();
        }
        return requeued;
    }

    /** Counts by state, for the outbox view's header. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public long countByState(OutboxState state) {
        return outbox.due().count(DueWork.Status.valueOf(state.name()));
    }

    /**
     * Erases every notification of an account (it was deleted): the rows hold names, addresses and links. Only the
     * portal itself, for the account feature once it has checked who deletes the account.
     */
    @PreAuthorize(org.baeum.base.security.SystemIdentity.ONLY)
    public long eraseFor(String accountId) {
        long erased = outbox.deleteByAccount(accountId);
        log.info("Erased {} notifications of deleted account {}", erased, accountId);
        return erased;
    }

    private static DueWork.Status status(OutboxState state) {
        return state == null ? null : DueWork.Status.valueOf(state.name());
    }

    private static OutboxEntry entry(OutboxDocument d) {
        return new OutboxEntry(d.id(), d.kind(), Masking.email(d.toAddress()), OutboxState.valueOf(d.status().name()),
                d.attempts(), d.createdAt(), d.dueAt(), d.doneAt(), d.lastError());
    }
}
