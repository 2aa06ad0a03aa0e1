package org.baeum.base.audit;

import com.mongodb.MongoException;
import com.vaadin.flow.server.VaadinRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.ClientAddressDetails;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The personal-data access log (개인정보 접속기록, PIPA): who opened or acted on whose personal data, when, how and from
 * which address. Lists show masked data ({@code Masking}); a feature that opens a citizen's full record, changes their
 * account or exports their data calls {@link #record} <em>before</em> it shows, returns or changes anything.
 *
 * <p><b>Failing closed.</b> {@link #record} returns only once the entry is stored (with the database's write concern,
 * {@code majority} by default). When it cannot be stored, {@code record} throws {@link AccessLogUnavailableException}
 * and the calling action must fail with it: showing personal data without a log entry is not allowed. Callers do not
 * catch it.
 *
 * <p><b>Insert-only.</b> Entries cannot be changed or deleted from the portal: the repository has no such method.
 * Only ADMIN reads the whole log; a citizen may read the entries about themself ({@link #recordedFor}).
 * Decision 0011 has the reasons and the retention note.
 */
@Service
public class AccessLog {

    /** The most entries one call to {@link #page} or {@link #recordedFor} returns. */
    public static final int MAX_PAGE_SIZE = 500;
    /** The most entries one export holds: the newest that match. */
    public static final int MAX_EXPORT_ROWS = 100_000;
    /** Longer {@code detail} texts are cut to this many characters. */
    public static final int MAX_DETAIL_LENGTH = 500;

    /** A Korean resident registration number (주민등록번호), with or without the hyphen: never stored. */
    private static final Pattern RESIDENT_NUMBER = Pattern.compile("(?<!\\d)\\d{6}\\s*-?\\s*[1-8]\\d{6}(?!\\d)");
    static final String REDACTED = "[redacted]";
    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private final AccessLogRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Messages messages;

    AccessLog(AccessLogRepository repository, CurrentUser currentUser, Clock clock, Messages messages) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * Records that the signed-in user (or the system identity, in jobs) did {@code action} with the personal data of
     * {@code subjectAccountId}. The time comes from the portal's clock, the client address from the current Vaadin or
     * HTTP request (as {@code BAEUM_FORWARD_HEADERS} makes it; none outside a request).
     *
     * @param action           what is done
     * @param subjectAccountId whose data; {@code null} when there is no single subject (an export of many)
     * @param detail           optional short text for the auditor, e.g. "eligibility: 기초생활수급자, approved" or
     *                         "roster of offering 2026-1 수영 초급". It must never contain a password, a token or a resident
     *                         registration number: anything shaped like a resident number is replaced by
     *                         {@code [redacted]}, control characters become spaces, and the text is cut to
     *                         {@value #MAX_DETAIL_LENGTH} characters
     * @throws AccessLogUnavailableException when the entry cannot be stored: the caller's action must not go on
     * @throws AccessDeniedException         unless staff (or an instructor) act: a citizen never writes to the log
     */
    @PreAuthorize("hasAnyRole('INSTRUCTOR','STAFF','ADMIN')")
    public void record(AccessAction action, String subjectAccountId, String detail) {
        Objects.requireNonNull(action, "action");
        BaeumUser actor = currentUser.require();
        String subject = subjectAccountId == null || subjectAccountId.isBlank() ? null : subjectAccountId.strip();
        AccessLogEntry entry = new AccessLogEntry(new ObjectId().toHexString(), clock.instant(), actor.accountId(),
                actor.getUsername(), actor.roles().stream().sorted().toList(), action, subject, clientAddress(),
                cleanDetail(detail));
        try {
            repository.insert(entry);
        } catch (MongoException e) {
            log.error("Access log entry NOT written ({} by {} on account {}): {}; the action is refused", action,
                    actor.getUsername(), subject, e.getClass().getSimpleName());
            throw new AccessLogUnavailableException("The access could not be logged, so it is refused", e);
        }
    }

    /** ADMIN: entries matching the query, newest first; at most {@value #MAX_PAGE_SIZE}. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AccessLogEntry> page(AccessLogQuery query, int offset, int limit) {
        return repository.page(Objects.requireNonNull(query, "query"), checkOffset(offset), checkLimit(limit));
    }

    /** ADMIN: how many entries match the query. */
    @PreAuthorize("hasRole('ADMIN')")
    public long count(AccessLogQuery query) {
        return repository.count(Objects.requireNonNull(query, "query"));
    }

    /**
     * ADMIN: writes the entries matching the query, newest first and at most {@value #MAX_EXPORT_ROWS}, to {@code out}
     * as the file format says, with texts in {@code language}. The export is itself logged first
     * ({@link AccessAction#EXPORT_ACCESS_LOG}, with the filter and the number of matching entries), so when that entry
     * cannot be written nothing is exported; when the filter matches the export entry, the file holds it too. The
     * stream is flushed, not closed.
     *
     * @return the number of entries written
     */
    @PreAuthorize("hasRole('ADMIN')")
    public int export(AccessLogQuery query, AccessLogFormat format, Locale language, OutputStream out) throws IOException {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(format, "format");
        long matching = repository.count(query);
        record(AccessAction.EXPORT_ACCESS_LOG, query.subjectAccountId(),
                format + "; " + matching + " matching" + (matching > MAX_EXPORT_ROWS ? ", newest " + MAX_EXPORT_ROWS : "")
                        + "; " + query.describe());
        AccessLogExporter.Sink sink = new AccessLogExporter(messages, language).open(format, out);
        int[] rows = {0};
        try {
            repository.forEachNewest(query, MAX_EXPORT_ROWS, entry -> {
                AccessLogExporter.write(sink, entry);
                rows[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sink.finish();
        out.flush();
        return rows[0];
    }

    /**
     * Entries about one account, newest first: for ADMIN, and for the person themself (a citizen asking who saw their
     * data). Anybody else gets {@link AccessDeniedException}.
     */
    @PreAuthorize("isAuthenticated()")
    public List<AccessLogEntry> recordedFor(String subjectAccountId, int offset, int limit) {
        AccessLogQuery query = AccessLogQuery.forSubject(subjectAccountId);
        requireAdminOrSubject(query.subjectAccountId());
        return repository.page(query, checkOffset(offset), checkLimit(limit));
    }

    /** How many entries {@link #recordedFor} has for the account; the same people may ask. */
    @PreAuthorize("isAuthenticated()")
    public long countRecordedFor(String subjectAccountId) {
        AccessLogQuery query = AccessLogQuery.forSubject(subjectAccountId);
        requireAdminOrSubject(query.subjectAccountId());
        return repository.count(query);
    }

    private void requireAdminOrSubject(String subjectAccountId) {
        BaeumUser user = currentUser.require();
        if (!user.hasRole(Role.ADMIN) && !user.accountId().equals(subjectAccountId)) {
            throw new AccessDeniedException("Only ADMIN or the person themself may read their access log entries");
        }
    }

    /**
     * The address of the current request: a Vaadin request (UI, downloads) or any other servlet request (REST).
     * {@code getRemoteAddr()} is the proxy's {@code X-Forwarded-For} only when {@code BAEUM_FORWARD_HEADERS=native},
     * as for sign-in ({@link ClientAddressDetails}).
     */
    static String clientAddress() {
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null) {
            return vaadin.getRemoteAddr();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return ClientAddressDetails.of(servlet.getRequest()).remoteAddress();
        }
        return null;
    }

    static String cleanDetail(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        String clean = RESIDENT_NUMBER.matcher(detail.replaceAll("\\p{Cntrl}", " ").strip()).replaceAll(REDACTED);
        if (clean.length() <= MAX_DETAIL_LENGTH) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(MAX_DETAIL_LENGTH - 1)) ? MAX_DETAIL_LENGTH - 1 : MAX_DETAIL_LENGTH;
        return clean.substring(0, end);
    }

    private static int checkOffset(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        return offset;
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        return limit;
    }
}
