package org.baeum.notification;

import java.util.List;
import java.util.Optional;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.mail.SentMail;
import org.baeum.base.mail.SentMailbox;
import org.baeum.base.security.CurrentUser;
import org.baeum.notification.internal.OutboxDocument;
import org.baeum.notification.internal.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Reading what the in-process mail server received (only when no {@code BAEUM_SMTP_HOST} is set):
 * <ul>
 *   <li>STAFF and ADMIN read every mail with its secrets hidden (masked recipients, {@code token=•••} in links); opening
 *       one is written to the access log, since it names the person;</li>
 *   <li>each signed-in person reads the mail sent to their own account, whole, as their mail client would show it.</li>
 * </ul>
 * A link with a token is never shown to anyone but its recipient, staff included.
 */
@Service
public class SentMailService {

    private static final Logger log = LoggerFactory.getLogger(SentMailService.class);
    private static final String DESK = "hasAnyRole('STAFF','ADMIN')";
    private static final int MAX_PAGE = 500;

    private final SentMailbox mailbox;
    private final OutboxRepository outbox;
    private final AccessLog accessLog;
    private final CurrentUser currentUser;

    SentMailService(SentMailbox mailbox, OutboxRepository outbox, AccessLog accessLog, CurrentUser currentUser) {
        this.mailbox = mailbox;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.currentUser = currentUser;
    }

    /** True when the in-process server delivers mail, so that it can be read in the portal. */
    public boolean readableHere() {
        return mailbox.available();
    }

    /** Where mail goes (the in-process server's address or the SMTP host), for staff. */
    @PreAuthorize(DESK)
    public String destination() {
        return mailbox.destination();
    }

    /** Every mail received, newest first, secrets hidden. */
    @PreAuthorize(DESK)
    public List<SentMail> newest(int offset, int limit) {
        return mailbox.newest(Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    @PreAuthorize(DESK)
    public int count() {
        return mailbox.count();
    }

    /** One mail, secrets hidden; the opening is written to the access log (refused when it cannot be). */
    @PreAuthorize(DESK)
    public Optional<SentMail> open(String messageId) {
        Optional<SentMail> mail = mailbox.byMessageId(messageId);
        if (mail.isPresent()) {
            Optional<OutboxDocument> row = outbox.findByMessageId(messageId);
            accessLog.record(AccessAction.VIEW_NOTIFICATION, row.map(OutboxDocument::accountId).orElse(null),
                    row.map(r -> "sent mail " + r.kind().name() + " " + r.id()).orElse("sent mail " + messageId));
        }
        return mail;
    }

    /** The signed-in person's own mail, newest first, whole; empty when mail goes to a real mail server. */
    @PreAuthorize("isAuthenticated()")
    public List<OwnMail> mine(int offset, int limit) {
        if (!mailbox.available()) {
            return List.of();
        }
        String me = currentUser.require().accountId();
        return outbox.sentTo(me, Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE)).stream()
                .map(SentMailService::own).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public long countMine() {
        return mailbox.available() ? outbox.countSentTo(currentUser.require().accountId()) : 0;
    }

    /** One of the signed-in person's own mails; empty for anybody else's (logged: somebody tried another's id). */
    @PreAuthorize("isAuthenticated()")
    public Optional<OwnMail> mine(String id) {
        String me = currentUser.require().accountId();
        Optional<OutboxDocument> row = mailbox.available() ? outbox.findById(id) : Optional.empty();
        if (row.isPresent() && !me.equals(row.get().accountId())) {
            log.warn("Account {} asked for notification {} of another account: refused", me, id);
            return Optional.empty();
        }
        return row.filter(d -> d.status() == org.baeum.base.scheduling.DueWork.Status.DONE)
                .map(SentMailService::own);
    }

    private static OwnMail own(OutboxDocument d) {
        return new OwnMail(d.id(), d.kind(), d.doneAt(), d.toAddress(), d.subject(), d.textBody());
    }
}
