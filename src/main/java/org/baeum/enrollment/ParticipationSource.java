package org.baeum.enrollment;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.internal.ParticipationReads;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What reports read about enrolments (issue 17), for STAFF, ADMIN and the portal itself: every entry of a year with
 * its reporting facts ({@link ParticipationFacts}, which name nobody), and the funnel's detail rows of some offerings,
 * which name participants and are therefore written to the access log. Both stream: rows go to the sink one at a time
 * as they are read, so a year of entries is never held in memory (the sink must not keep them all either).
 */
@Service
public class ParticipationSource {

    static final String READERS = "hasAnyRole('STAFF','ADMIN') or " + SystemIdentity.ONLY;
    /** How many offering ids the access-log line names at most (the line says how many there were). */
    private static final int NAMED_IN_LOG = 20;

    private final ParticipationReads reads;
    private final AccessLog accessLog;

    ParticipationSource(ParticipationReads reads, AccessLog accessLog) {
        this.reads = reads;
        this.accessLog = accessLog;
    }

    /**
     * Every entry reported in {@code year} (the year of its class's first session day, {@code facts.year}), whatever
     * its status, in no particular order. Entries stored before facts were kept have them from the start-up
     * migration.
     */
    @PreAuthorize(READERS)
    public void forEachOfYear(int year, Consumer<ParticipationRow> sink) {
        reads.forEachOfYear(year, sink);
    }

    /**
     * Every entry of these offerings, by offering and then in the order they were made, with the participant's name.
     * One access-log line per call names the caller (the log's actor) and the offerings, never the people; it is
     * written before anything is read, and when it cannot be written nothing is read.
     */
    @PreAuthorize(READERS)
    public void forEachDetail(Collection<OfferingId> offerings, Consumer<ParticipationDetail> sink) {
        List<String> ids = offerings.stream().map(OfferingId::value).distinct().toList();
        String named = String.join(", ", ids.subList(0, Math.min(ids.size(), NAMED_IN_LOG)))
                + (ids.size() > NAMED_IN_LOG ? ", …" : "");
        accessLog.record(AccessAction.EXPORT_PERSONAL_DATA, null,
                "participation detail of " + ids.size() + " offering(s): " + named);
        reads.forEachDetail(ids, sink);
    }
}
