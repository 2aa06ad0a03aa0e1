package org.baeum.base.desk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The front desk's search over every {@link CheckInSource} (decision 0047): asks each source, leaves out one that fails
 * (logged; the others still answer) and writes one {@link AccessAction#DESK_SEARCH} entry to the access log for the
 * list it is about to show: the kind of search (a code or a name), the day and how many matches each source gave. The
 * text typed is never written (a name typed is personal data; a code is a key to someone's booking), only its length.
 * The entry is written before the matches are returned, so an access log that cannot be written refuses the search.
 */
@Service
public class FrontDesk {

    private static final Logger log = LoggerFactory.getLogger(FrontDesk.class);

    private final Map<String, CheckInSource> sources = new LinkedHashMap<>();
    private final AccessLog accessLog;

    FrontDesk(List<CheckInSource> sources, AccessLog accessLog) {
        sources.forEach(s -> this.sources.put(s.name(), s));
        this.accessLog = accessLog;
    }

    /** What every source finds for {@code query} on {@code day}; logged in the access log as described above. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<DeskMatch> find(String query, LocalDate day) {
        String q = query == null ? "" : query.strip();
        List<DeskMatch> found = new ArrayList<>();
        StringJoiner perSource = new StringJoiner(", ");
        for (CheckInSource s : sources.values()) {
            try {
                List<DeskMatch> some = s.find(q, day);
                found.addAll(some);
                perSource.add(s.name() + " " + some.size());
            } catch (RuntimeException e) { // one source failing leaves the others usable
                log.warn("The desk's source {} failed to search: {}", s.name(), e.toString());
                perSource.add(s.name() + " failed");
            }
        }
        accessLog.record(AccessAction.DESK_SEARCH, null, "desk search by " + kind(q) + " (" + q.length()
                + " characters) on " + day + ": " + found.size() + " matches (" + perSource + ")");
        return found;
    }

    /**
     * Checks {@code match} in through the source it came from.
     *
     * @throws IllegalStateException with a message key, as {@link CheckInSource#checkIn} says
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public DeskMatch checkIn(DeskMatch match) {
        CheckInSource source = sources.get(match.source());
        if (source == null) {
            throw new IllegalStateException("desk.unknownSource");
        }
        return source.checkIn(match.id());
    }

    /**
     * Takes back today's check-in of {@code match} through the source it came from.
     *
     * @throws IllegalStateException with a message key, as {@link CheckInSource#undo} says
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public DeskMatch undo(DeskMatch match) {
        CheckInSource source = sources.get(match.source());
        if (source == null) {
            throw new IllegalStateException("desk.unknownSource");
        }
        return source.undo(match.id());
    }

    /**
     * {@code code} when the text could be a code shown at the desk (8 letters and digits once spaces and dashes are
     * taken out), {@code name} otherwise.
     */
    static String kind(String q) {
        String s = q.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return s.length() == 8 && s.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c)) ? "code" : "name";
    }
}
