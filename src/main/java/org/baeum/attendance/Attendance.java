package org.baeum.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.baeum.attendance.internal.AttendanceRepository;
import org.baeum.attendance.internal.AttendanceRepository.Change;
import org.baeum.attendance.internal.AttendanceRepository.SessionMarks;
import org.baeum.attendance.internal.AttendanceTotalsRepository;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.RosterEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Attendance per session (출석부): the matrix of an offering's sessions by its enrolled participants, and marking a
 * session. An offering's instructors and STAFF/ADMIN may read and mark it, nobody else. Instructors may change a
 * session's marks until {@link #EDIT_DAYS} days after it (Asia/Seoul days); STAFF any time, but after that only with
 * a reason, and each such change is kept in the session's history (who, when, why). Decision 0031. A save changes
 * the session only if the marks it changes are still as read (else it reads again, {@value #SAVE_ATTEMPTS} times at
 * most), then adds what it changed to the 연인원 counters ({@link AttendanceTotals}, decision 0038).
 */
@Service
public class Attendance {

    private static final Logger log = LoggerFactory.getLogger(Attendance.class);
    static final String TEACHING = "hasAnyRole('INSTRUCTOR','STAFF','ADMIN')";
    /** Days after a session during which its instructor may still change its marks. */
    public static final int EDIT_DAYS = 7;
    /** The longest reason for a late change, in characters. */
    public static final int MAX_REASON = 500;
    /** How often a save reads the session again when another save changed its marks in between. */
    static final int SAVE_ATTEMPTS = 5;

    private final OfferingAccess access;
    private final AttendanceRepository sessions;
    private final AttendanceTotalsRepository totals;
    private final CatalogService catalog;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Attendance(OfferingAccess access, AttendanceRepository sessions, AttendanceTotalsRepository totals,
               CatalogService catalog, Clock clock, ApplicationEventPublisher events) {
        this.access = access;
        this.sessions = sessions;
        this.totals = totals;
        this.catalog = catalog;
        this.clock = clock;
        this.events = events;
    }

    /** The offerings the calling instructor teaches that have not ended more than {@link #EDIT_DAYS} days ago. */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public List<TaughtOffering> myOfferings() {
        return catalog.taughtByMe(today().minusDays(EDIT_DAYS)).stream()
                .map(o -> new TaughtOffering(o, access.sessions(o))).toList();
    }

    /**
     * The enrolled participants of an offering with name, age band and masked contact, for its instructor or STAFF.
     *
     * @throws AccessDeniedException for anyone else
     */
    @PreAuthorize(TEACHING)
    public List<RosterEntry> roster(OfferingId offeringId) {
        return access.roster(access.open(offeringId));
    }

    /**
     * The attendance matrix: the sessions that count by the enrolled participants (by name), with their marks.
     *
     * @throws AccessDeniedException when the caller neither teaches the offering nor is STAFF or ADMIN
     */
    @PreAuthorize(TEACHING)
    public AttendanceSheet sheet(OfferingId offeringId) {
        OfferingAccess.Opened opened = access.open(offeringId);
        List<LocalDate> days = access.sessions(opened.offering());
        Map<LocalDate, Map<EnrollmentId, AttendanceStatus>> stored = new HashMap<>();
        for (SessionMarks s : sessions.ofOffering(offeringId.value())) {
            stored.put(s.date(), s.marks());
        }
        List<AttendanceSheet.Row> rows = new ArrayList<>();
        for (RosterEntry r : access.roster(opened)) {
            Map<LocalDate, AttendanceStatus> marks = new LinkedHashMap<>();
            for (LocalDate day : days) {
                AttendanceStatus status = stored.getOrDefault(day, Map.of()).get(r.id());
                if (status != null) {
                    marks.put(day, status);
                }
            }
            rows.add(new AttendanceSheet.Row(r.id(), r.name(), marks));
        }
        Map<LocalDate, LocalDate> until = days.stream().collect(Collectors.toMap(d -> d, d -> d.plusDays(EDIT_DAYS)));
        return new AttendanceSheet(offeringId, days, rows, until);
    }

    /**
     * How many of an offering's sessions count (the planned days less those a closure cancelled, as on the sheet), for
     * anyone signed in: the session days of a published offering are public already.
     *
     * @return 0 for an unknown offering
     */
    @PreAuthorize("isAuthenticated()")
    public int countingSessions(OfferingId offeringId) {
        return catalog.offering(offeringId).map(o -> access.sessions(o).size()).orElse(0);
    }

    /**
     * Checks that the caller may work an offering's attendance, before anything they sent is read (so an outsider
     * gets 403, never a field message about their input).
     *
     * @throws AccessDeniedException when the caller neither teaches the offering nor is STAFF or ADMIN
     */
    @PreAuthorize(TEACHING)
    public void requireAccess(OfferingId offeringId) {
        access.open(offeringId);
    }

    /** The changes made after the instructors' limit, session by session, oldest first. */
    @PreAuthorize(TEACHING)
    public List<ChangeRecord> lateChanges(OfferingId offeringId) {
        access.open(offeringId);
        return sessions.ofOffering(offeringId.value()).stream().flatMap(s -> s.history().stream()).toList();
    }

    /**
     * Saves marks of one session; marks equal to what is stored change nothing (saving again is harmless). All marks
     * of the call are saved in one atomic write, or none when anything is wrong.
     *
     * @param reason why, for a change after the instructors' limit (STAFF only); ignored before it
     * @return the session's marks after saving
     * @throws AccessDeniedException  when the caller neither teaches the offering nor is STAFF/ADMIN, or is its
     *                                instructor and the session is more than {@link #EDIT_DAYS} days ago
     * @throws InvalidInputException  at {@code date} when the day is not one of the offering's sessions, at
     *                                {@code marks[i].enrollmentId} for someone not enrolled in it (or named twice), at
     *                                {@code marks[i].status} for a missing status, at {@code reason} when STAFF change
     *                                a session past the limit without one
     */
    @PreAuthorize(TEACHING)
    public Map<EnrollmentId, AttendanceStatus> mark(OfferingId offeringId, LocalDate session, List<Mark> marks,
                                                    String reason) {
        OfferingAccess.Opened opened = access.open(offeringId);
        if (session == null || !access.sessions(opened.offering()).contains(session)) {
            throw InvalidInputException.of("date", "attendance.validation.notSession");
        }
        boolean late = today().isAfter(session.plusDays(EDIT_DAYS));
        if (late && !opened.staff()) {
            log.warn("Instructor {} was refused changing attendance of {} on {}: past the {}-day limit",
                    opened.user().accountId(), offeringId.value(), session, EDIT_DAYS);
            throw new AccessDeniedException("Past the " + EDIT_DAYS + "-day limit");
        }
        List<Mark> asked = marks == null ? List.of() : marks;
        List<FieldProblem> problems = problems(asked, access.roster(opened));
        String why = reason == null ? null : reason.strip();
        if (late && (why == null || why.isEmpty())) {
            problems.add(FieldProblem.of("reason", "attendance.validation.reasonRequired", EDIT_DAYS));
        } else if (why != null && why.length() > MAX_REASON) {
            problems.add(FieldProblem.of("reason", "validation.tooLong", MAX_REASON));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = opened.user().accountId();
        Instant now = clock.instant();
        Map<EnrollmentId, AttendanceStatus> before = Map.of();
        List<Change> changes = List.of();
        boolean saved = false;
        for (int attempt = 1; attempt <= SAVE_ATTEMPTS && !saved; attempt++) {
            Optional<SessionMarks> stored = sessions.find(offeringId.value(), session);
            before = stored.map(SessionMarks::marks).orElse(Map.of());
            changes = changes(asked, before, late ? session : null, by, now, why);
            saved = sessions.saveIf(offeringId.value(), session, changes, stored.isPresent(), by, now);
            if (!saved) {
                log.info("Attendance of offering {} on {} was saved by someone else meanwhile; reading it again",
                        offeringId.value(), session);
            }
        }
        if (!saved) {
            log.warn("Account {} could not save attendance of offering {} on {}: changed by others {} times in a row",
                    by, offeringId.value(), session, SAVE_ATTEMPTS);
            throw new IllegalStateException("The session's marks kept changing meanwhile; nothing was saved, try again");
        }
        try {
            totals.add(offeringId.value(), opened.offering().ageDay().getYear(), deltas(changes));
        } catch (RuntimeException e) {
            // the marks are saved; the counters are off by this save until the recount (decision 0038)
            log.warn("Attendance totals of offering {} on {} not updated (the nightly recount repairs them): {}",
                    offeringId.value(), session, e.toString());
        }
        if (!changes.isEmpty()) {
            log.info("Account {} marked attendance of offering {} on {}{}: {}", by, offeringId.value(), session,
                    late ? " (after the limit, with a reason)" : "", changes.stream()
                            .map(c -> c.enrollmentId().value() + "=" + c.status()).collect(Collectors.joining(", ")));
            events.publishEvent(new AttendanceEvents.SessionMarked(offeringId, session,
                    changes.stream().map(Change::enrollmentId).toList()));
        }
        Map<EnrollmentId, AttendanceStatus> after = new LinkedHashMap<>(before);
        changes.forEach(c -> after.put(c.enrollmentId(), c.status()));
        return after;
    }

    /** The marks asked for that differ from those stored, with the history line of a change after the limit. */
    private static List<Change> changes(List<Mark> asked, Map<EnrollmentId, AttendanceStatus> before,
                                        LocalDate lateSession, String by, Instant now, String why) {
        List<Change> changes = new ArrayList<>();
        for (Mark m : asked) {
            AttendanceStatus was = before.get(m.enrollmentId());
            if (was != m.status()) {
                changes.add(new Change(m.enrollmentId(), m.status(), lateSession == null ? null
                        : new ChangeRecord(lateSession, m.enrollmentId(), was, m.status(), by, now, why), was));
            }
        }
        return changes;
    }

    /** What the saved changes add to each enrolment's attended sessions (연인원), by enrolment id. */
    private static Map<String, Integer> deltas(List<Change> changes) {
        Map<String, Integer> deltas = new HashMap<>();
        for (Change c : changes) {
            int delta = AttendanceTotalsRepository.counts(c.status()) - AttendanceTotalsRepository.counts(c.was());
            if (delta != 0) {
                deltas.merge(c.enrollmentId().value(), delta, Integer::sum);
            }
        }
        return deltas;
    }

    private static List<FieldProblem> problems(List<Mark> marks, List<RosterEntry> roster) {
        Set<EnrollmentId> enrolled = roster.stream().map(RosterEntry::id).collect(Collectors.toSet());
        Set<EnrollmentId> seen = new HashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            if (m == null || m.enrollmentId() == null) {
                problems.add(FieldProblem.of("marks[" + i + "].enrollmentId", "validation.required"));
            } else if (!enrolled.contains(m.enrollmentId())) {
                problems.add(FieldProblem.of("marks[" + i + "].enrollmentId", "attendance.validation.notEnrolled"));
            } else if (!seen.add(m.enrollmentId())) {
                problems.add(FieldProblem.of("marks[" + i + "].enrollmentId", "attendance.validation.twice"));
            }
            if (m != null && m.status() == null) {
                problems.add(FieldProblem.of("marks[" + i + "].status", "validation.required"));
            }
        }
        return problems;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }
}
