package org.baeum.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.baeum.attendance.internal.AttendanceRepository;
import org.baeum.attendance.internal.AttendanceTotalsRepository;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The 연인원 counters for reports (decision 0038): per enrolment, the sessions it attended (marked PRESENT or LATE;
 * ABSENT and EXCUSED/공결 do not count), kept by {@link Attendance#mark} as marks are saved, and the recount that proves
 * them against the stored marks and repairs what a crash between a session save and its counter update left off
 * (by the lost change). Reads are for STAFF and ADMIN (and the portal itself, whose system identity holds both roles); the recount for ADMIN
 * and the job {@code attendance-totals-recount}.
 * <p>
 * The counters count every stored mark, also one on a session day that a closure cancelled after it was marked (the
 * sheet no longer shows that day), and marks of an entry cancelled afterwards: reports decide which entries they count.
 */
@Service
public class AttendanceTotals {

    private static final Logger log = LoggerFactory.getLogger(AttendanceTotals.class);
    static final String READERS = "hasAnyRole('STAFF','ADMIN')";
    /**
     * An offering whose sessions were saved less than this long ago is left for the next recount: a save in progress
     * may not have added to the counters yet (its session is written before its {@code $inc}), and correcting it now
     * would count its change twice.
     */
    public static final Duration SETTLE = Duration.ofMinutes(10);

    /**
     * What a recount did.
     *
     * @param checked   counters compared with the stored marks
     * @param corrected counters that differed and were set to the recount's figure
     */
    public record Recount(long checked, long corrected) {
    }

    private final AttendanceTotalsRepository totals;
    private final AttendanceRepository sessions;
    private final CatalogService catalog;
    private final Clock clock;

    AttendanceTotals(AttendanceTotalsRepository totals, AttendanceRepository sessions, CatalogService catalog,
                     Clock clock) {
        this.totals = totals;
        this.sessions = sessions;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * The attended sessions (연인원) of each enrolment in offerings whose first session day falls in the year; entries
     * that attended none are left out. Read from the counters, never from the marks.
     */
    @PreAuthorize(READERS)
    public Map<EnrollmentId, Integer> attendedInYear(int year) {
        Map<EnrollmentId, Integer> found = new HashMap<>();
        totals.forEachAttendedInYear(year, (id, attended) -> found.put(new EnrollmentId(id), attended));
        return found;
    }

    /**
     * Recomputes every counter from the stored marks, offering by offering, and corrects those that differ (only
     * those are written; each correction is logged). An offering saved within the last {@link #SETTLE} is skipped
     * (the next recount checks it), and a counter that a save changed while this ran is left to that save.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Recount recount() {
        Set<String> offerings = new LinkedHashSet<>();
        sessions.forEachOffering(offerings::add);
        totals.forEachOffering(offerings::add);
        Instant settled = clock.instant().minus(SETTLE);
        long checked = 0;
        long corrected = 0;
        int skipped = 0;
        for (String offering : offerings) {
            // the counters first, the marks after: a save completed in between shows in the marks only, and the
            // conditional correction below then finds its $inc already applied and leaves it alone
            Map<String, Integer> stored = totals.ofOffering(offering);
            AttendanceRepository.Attended marks = sessions.attended(offering);
            if (marks.lastSaved() != null && marks.lastSaved().isAfter(settled)) {
                skipped++;
                continue;
            }
            Set<String> entries = new LinkedHashSet<>(marks.byEnrollment().keySet());
            entries.addAll(stored.keySet());
            Integer year = null;
            for (String entry : entries) {
                checked++;
                int counted = marks.byEnrollment().getOrDefault(entry, 0);
                Integer was = stored.get(entry);
                if (was != null && was == counted || was == null && counted == 0) {
                    continue;
                }
                if (year == null) {
                    year = yearOf(offering);
                    if (year == null) {
                        log.warn("Attendance totals: offering {} is unknown; its {} counters are left as they are",
                                offering, entries.size());
                        break;
                    }
                }
                if (totals.correct(entry, offering, year, was, counted)) {
                    corrected++;
                    log.info("Attendance totals: entry {} of offering {} corrected from {} to {} attended sessions",
                            entry, offering, was == null ? 0 : was, counted);
                } else {
                    log.info("Attendance totals: entry {} of offering {} changed while recounting; left for the next "
                            + "recount", entry, offering);
                }
            }
        }
        log.info("Attendance totals recounted: {} checked, {} corrected, {} offerings saved in the last {} left for "
                + "the next recount", checked, corrected, skipped, SETTLE);
        return new Recount(checked, corrected);
    }

    private Integer yearOf(String offeringId) {
        return catalog.offering(new OfferingId(offeringId)).map(o -> o.ageDay().getYear()).orElse(null);
    }
}
