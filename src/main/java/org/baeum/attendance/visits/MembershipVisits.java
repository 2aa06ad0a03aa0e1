package org.baeum.attendance.visits;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceSheet;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.attendance.visits.internal.Memberships;
import org.baeum.attendance.visits.internal.VisitRepository;
import org.baeum.attendance.visits.internal.VisitRepository.Visit;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.desk.CheckInSource;
import org.baeum.base.desk.DeskCodes;
import org.baeum.base.desk.DeskMatch;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.InstructorRosters;
import org.baeum.enrollment.RosterEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Membership visits at the front desk (decision 0044): the desk's {@link CheckInSource} for gym memberships and the
 * pool's regular classes. STAFF find an enrolled member by their card's code ({@link MembershipCards}) or by name and
 * check them in once a day, within the membership's period and on an open day. A gym visit is stored and counted as
 * 연인원 ({@link #visitsOfYear}); a pool check-in marks the participant PRESENT on that day's session through
 * {@link Attendance}, which counts it already (and keeps the visit for the desk, not counted twice).
 */
@Service
public class MembershipVisits implements CheckInSource {

    private static final Logger log = LoggerFactory.getLogger(MembershipVisits.class);
    static final String STAFF = "hasAnyRole('STAFF','ADMIN')";
    /** This source's name on the desk, and the kind its codes are derived for. */
    public static final String SOURCE = "membership";
    static final int MAX_MATCHES = 50;
    /** A member may check themselves in from this long before the day's opening until its closing. */
    static final Duration SELF_EARLY = Duration.ofMinutes(30);

    private final Memberships memberships;
    private final VisitRepository visits;
    private final InstructorRosters rosters;
    private final CitizenEnrollments enrollments;
    private final CatalogService catalog;
    private final Attendance attendance;
    private final DeskCodes codes;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AccessLog accessLog;

    MembershipVisits(Memberships memberships, VisitRepository visits, InstructorRosters rosters,
                     CitizenEnrollments enrollments, CatalogService catalog, Attendance attendance, DeskCodes codes,
                     CurrentUser currentUser, Clock clock, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.memberships = memberships;
        this.visits = visits;
        this.rosters = rosters;
        this.enrollments = enrollments;
        this.catalog = catalog;
        this.attendance = attendance;
        this.codes = codes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("permitAll()")
    public String name() {
        return SOURCE;
    }

    /**
     * The enrolled members of memberships running on the day whose card code is the query (dashes, spaces and case
     * ignored) or whose name holds it (at least two characters; a name that looks like a code is searched too), at most {@value #MAX_MATCHES}, in the language of
     * {@link LocaleContextHolder}.
     */
    @Override
    @PreAuthorize(STAFF)
    public List<DeskMatch> find(String query, LocalDate day) {
        String code = DeskCodes.normalize(query);
        String name = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (day == null || code == null && name.length() < 2) {
            return List.of();
        }
        List<DeskMatch> found = new ArrayList<>();
        for (Offering o : memberships.runningOn(day)) {
            List<RosterEntry> hits = rosters.staffRoster(o.id()).stream()
                    .filter(r -> code != null && codes.code(SOURCE, r.id().value()).equals(code)
                            || name.length() >= 2 && r.name() != null
                            && r.name().toLowerCase(Locale.ROOT).contains(name))
                    .toList();
            Map<String, Visit> today = hits.isEmpty() ? Map.of()
                    : visits.onDay(hits.stream().map(r -> r.id().value()).toList(), day);
            for (RosterEntry r : hits) {
                if (found.size() < MAX_MATCHES) {
                    found.add(match(o, r.id(), r.name(), day, today.get(r.id().value())));
                }
            }
        }
        log.info("Account {} searched the desk's memberships on {}: {} found", currentUser.require().accountId(), day,
                found.size());
        return found;
    }

    /**
     * Checks the enrolment in today: a gym visit, or PRESENT on today's pool session.
     *
     * @throws IllegalStateException with a message key: {@code visits.refused.unknown} (no such enrolled membership),
     *                               {@code visits.refused.outsidePeriod}, {@code visits.refused.dayOff},
     *                               {@code visits.refused.already}
     */
    @Override
    @PreAuthorize(STAFF)
    public DeskMatch checkIn(String id) {
        String by = currentUser.require().accountId();
        Enrollment e = enrolled(id);
        Offering o = catalog.offering(e.offering()).orElse(null);
        Memberships.Kind kind = o == null ? null : memberships.kind(o);
        if (kind == null) {
            throw refused(by, id, "visits.refused.unknown");
        }
        Visit visit = record(e, o, kind, by);
        return match(o, e.id(), e.participantName(), visit.day(), visit);
    }

    /**
     * The member checks themselves in from 내 회원증: a gym membership only (a pool class's check-in marks the session,
     * which stays with the desk and the instructor), with the desk's rules, during the day's hours (from
     * {@link #SELF_EARLY} before the opening to the closing). Counted as the desk's check-in; the visit says who.
     *
     * @return when the visit was recorded
     * @throws AccessDeniedException when the entry is another household's (or does not exist)
     * @throws IllegalStateException with a message key: those of {@link #checkIn}, {@code visits.refused.deskOnly} (a
     *                               pool class), {@code visits.refused.notNow} (outside the day's hours)
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public java.time.Instant checkInMine(EnrollmentId id) {
        String by = currentUser.require().accountId();
        Enrollment e = enrollments.enrollment(id); // refuses another household's entry
        String entry = id.value();
        Offering o = e.status() == EnrollmentStatus.ENROLLED ? catalog.offering(e.offering()).orElse(null) : null;
        Memberships.Kind kind = o == null ? null : memberships.kind(o);
        if (kind == null) {
            throw refused(by, entry, "visits.refused.unknown");
        }
        if (kind != Memberships.Kind.GYM) {
            throw refused(by, entry, "visits.refused.deskOnly");
        }
        if (!withinSelfHours(o, clock.instant())) {
            throw refused(by, entry, "visits.refused.notNow");
        }
        return record(e, o, kind, by).at();
    }

    /** Whether the instant is within the day's hours of the membership for a self check-in (Seoul time). */
    static boolean withinSelfHours(Offering o, java.time.Instant now) {
        var local = java.time.LocalTime.ofInstant(now, Formats.SEOUL);
        var start = o.schedule().startTime();
        var end = o.schedule().endTime();
        // the day's hours on the day itself: from midnight for an opening before 00:30, to midnight for hours past it
        var from = start.isBefore(java.time.LocalTime.MIN.plus(SELF_EARLY)) ? java.time.LocalTime.MIN
                : start.minus(SELF_EARLY);
        return !local.isBefore(from) && (end.isBefore(start) || local.isBefore(end));
    }

    /** Checks the period, the day and today's earlier visit, then stores the visit (a pool class: PRESENT too). */
    private Visit record(Enrollment e, Offering o, Memberships.Kind kind, String by) {
        String id = e.id().value();
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        if (!Memberships.inPeriod(o, today)) {
            throw refused(by, id, "visits.refused.outsidePeriod");
        }
        if (!memberships.open(o, today)) {
            throw refused(by, id, "visits.refused.dayOff");
        }
        if (visits.find(id, today).isPresent()) {
            throw refused(by, id, "visits.refused.already");
        }
        boolean marked = kind == Memberships.Kind.POOL && markPresent(o, e.id(), today);
        Visit visit = new Visit(id, o.id().value(), today, o.ageDay().getYear(), clock.instant(), by,
                kind == Memberships.Kind.GYM, marked);
        if (!visits.insert(visit)) { // checked in at another desk meanwhile
            throw refused(by, id, "visits.refused.already");
        }
        log.info("Account {} checked in membership enrolment {} of offering {} ({}) on {}", by, id, o.id().value(),
                kind, today);
        return visit;
    }

    /**
     * Takes back today's check-in of the enrolment (a mistake at the desk), written to the access log first: the visit
     * is deleted, so a gym visit no longer counts as 연인원; a pool check-in that marked the session PRESENT sets that
     * mark to ABSENT (attendance keeps no "unmarked"; a mark the instructor gave is left alone). Only the same day.
     *
     * @throws IllegalStateException with a message key: {@code visits.refused.unknown} (no such enrolled membership),
     *                               {@code visits.refused.noVisit} (no check-in today, or taken back meanwhile)
     */
    @Override
    @PreAuthorize(STAFF)
    public DeskMatch undo(String id) {
        LocalDate today = today();
        String by = currentUser.require().accountId();
        Enrollment e = enrolled(id);
        Offering o = catalog.offering(e.offering()).orElseThrow(() -> refused(by, id, "visits.refused.unknown"));
        Visit visit = visits.find(id, today).orElseThrow(() -> refused(by, id, "visits.refused.noVisit"));
        accessLog.record(AccessAction.UNDO_CHECK_IN, e.household().value(),
                "membership visit of enrolment " + id + " on " + today + (visit.marked() ? ", session mark too" : ""));
        if (visit.marked()) {
            unmark(o, e.id(), today);
        }
        if (!visits.delete(id, today)) { // taken back at another desk meanwhile
            throw refused(by, id, "visits.refused.noVisit");
        }
        log.info("Account {} took back the check-in of membership enrolment {} on {}{}", by, id, today,
                visit.marked() ? " (and its PRESENT mark)" : "");
        return match(o, e.id(), e.participantName(), today, null);
    }

    /**
     * The gym visits of the entries whose first session day falls in the year, per enrolment: each is a person-session
     * (연인원) in the reports. Pool check-ins are left out: their session marks count already.
     */
    @PreAuthorize(STAFF)
    public Map<EnrollmentId, Integer> visitsOfYear(int year) {
        Map<EnrollmentId, Integer> byId = new HashMap<>();
        visits.countingOfYear(year).forEach((id, n) -> byId.put(new EnrollmentId(id), n));
        return byId;
    }

    private Enrollment enrolled(String id) {
        Enrollment e;
        try {
            e = id == null || id.isBlank() ? null : enrollments.enrollment(new EnrollmentId(id));
        } catch (AccessDeniedException noSuchEntry) { // STAFF may read any entry that exists
            e = null;
        }
        if (e == null || e.status() != EnrollmentStatus.ENROLLED) {
            throw refused(currentUser.require().accountId(), id, "visits.refused.unknown");
        }
        return e;
    }

    /**
     * PRESENT on today's session, unless its instructor marked them present or late already; true when this set it.
     */
    private boolean markPresent(Offering o, EnrollmentId id, LocalDate today) {
        AttendanceStatus now = markOf(o, id, today);
        if (now != AttendanceStatus.PRESENT && now != AttendanceStatus.LATE) {
            attendance.mark(o.id(), today, List.of(new Mark(id, AttendanceStatus.PRESENT)), null);
            return true;
        }
        return false;
    }

    /** The desk's PRESENT taken back: ABSENT, unless someone changed the mark since. */
    private void unmark(Offering o, EnrollmentId id, LocalDate today) {
        if (markOf(o, id, today) == AttendanceStatus.PRESENT) {
            attendance.mark(o.id(), today, List.of(new Mark(id, AttendanceStatus.ABSENT)), null);
        }
    }

    private AttendanceStatus markOf(Offering o, EnrollmentId id, LocalDate day) {
        AttendanceSheet sheet = attendance.sheet(o.id());
        return sheet.rows().stream().filter(r -> r.enrollmentId().equals(id)).findFirst()
                .map(r -> r.marks().get(day)).orElse(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    private DeskMatch match(Offering o, EnrollmentId id, String person, LocalDate day, Visit visit) {
        boolean open = Memberships.inPeriod(o, day) && memberships.open(o, day);
        String status = visit != null ? "visits.status.checkedIn" : open ? "visits.status.open" : "visits.status.closed";
        return new DeskMatch(SOURCE, id.value(), person, o.title(LocaleContextHolder.getLocale()), status,
                visit == null ? null : visit.at(), visit == null && open, visit != null && day.equals(today()));
    }

    private static IllegalStateException refused(String by, String id, String key) {
        log.info("Account {} was refused checking in membership enrolment {}: {}", by, id, key);
        return new IllegalStateException(key);
    }
}
