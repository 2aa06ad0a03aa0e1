package org.baeum.base.audit;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Filters for reading the access log; every part is optional ({@code null} or blank means "any").
 *
 * @param from             first day, inclusive, in Asia/Seoul
 * @param to               last day, inclusive, in Asia/Seoul (a {@code to} before {@code from} matches nothing)
 * @param actorUsername    exactly this user name (case does not matter)
 * @param subjectAccountId exactly this subject account id
 * @param action           exactly this action
 */
public record AccessLogQuery(LocalDate from, LocalDate to, String actorUsername, String subjectAccountId,
                             AccessAction action) {

    public AccessLogQuery {
        actorUsername = actorUsername == null || actorUsername.isBlank() ? null
                : actorUsername.strip().toLowerCase(Locale.ROOT);
        subjectAccountId = subjectAccountId == null || subjectAccountId.isBlank() ? null : subjectAccountId.strip();
    }

    /** Every entry. */
    public static AccessLogQuery all() {
        return new AccessLogQuery(null, null, null, null, null);
    }

    /** Every entry about one subject; the id must be given. */
    public static AccessLogQuery forSubject(String subjectAccountId) {
        if (subjectAccountId == null || subjectAccountId.isBlank()) {
            throw new IllegalArgumentException("A subject account id is required");
        }
        return new AccessLogQuery(null, null, null, subjectAccountId, null);
    }

    /** The filters in one line for the log's own export entry, e.g. {@code from=2026-11-01; action=VIEW_PROFILE}. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, "from", from);
        append(sb, "to", to);
        append(sb, "actor", actorUsername);
        append(sb, "subject", subjectAccountId);
        append(sb, "action", action);
        return sb.isEmpty() ? "all entries" : sb.toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(sb.isEmpty() ? "" : "; ").append(name).append('=').append(value);
        }
    }
}
