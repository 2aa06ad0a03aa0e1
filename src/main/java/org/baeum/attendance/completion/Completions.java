package org.baeum.attendance.completion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendancePoints;
import org.baeum.attendance.AttendanceRules;
import org.baeum.attendance.AttendanceSheet;
import org.baeum.attendance.certificate.Certificate;
import org.baeum.attendance.certificate.CertificateDraft;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.completion.internal.CompletionDueRepository;
import org.baeum.attendance.completion.internal.CompletionRepository;
import org.baeum.attendance.completion.internal.CompletionRepository.Stored;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Completion by rule (decision 0033): the enrolled participants' progress towards their program's
 * {@link CompletionRule}, the instructor's portfolio mark, and the confirmation after the last session, which stores
 * each enrolment's completion and issues a certificate to each who completed, once, telling the household by mail.
 * The offering's instructors and STAFF/ADMIN only: {@link Attendance#sheet} decides, as for attendance itself.
 * What a household has completed is read through {@link HouseholdCompletions}.
 */
@Service
public class Completions {

    private static final Logger log = LoggerFactory.getLogger(Completions.class);
    static final String TEACHING = "hasAnyRole('INSTRUCTOR','STAFF','ADMIN')";
    /** The reason stored when a re-confirmation withdraws a completion that had a certificate. */
    public static final String WITHDRAWN = "completion withdrawn at re-confirmation";

    private final Attendance attendance;
    private final AttendanceRules points;
    private final CompletionRules rules;
    private final CompletionRepository completions;
    private final CatalogService catalog;
    private final EnrollmentDesk desk;
    private final HouseholdService households;
    private final Certificates certificates;
    private final CompletionMail mail;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CompletionDueRepository dueItems;
    private final CertificateDrafts drafts;

    Completions(Attendance attendance, AttendanceRules points, CompletionRules rules, CompletionRepository completions,
                CatalogService catalog, EnrollmentDesk desk, HouseholdService households, Certificates certificates,
                CompletionMail mail, CurrentUser currentUser, Clock clock, CompletionDueRepository dueItems) {
        this.dueItems = dueItems;
        this.drafts = new CertificateDrafts(catalog);
        this.attendance = attendance;
        this.points = points;
        this.rules = rules;
        this.completions = completions;
        this.catalog = catalog;
        this.desk = desk;
        this.households = households;
        this.certificates = certificates;
        this.mail = mail;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Each enrolled participant's progress so far.
     *
     * @throws AccessDeniedException when the caller neither teaches the offering nor is STAFF or ADMIN
     */
    @PreAuthorize(TEACHING)
    public List<ParticipantProgress> progress(OfferingId offeringId) {
        return progress(offeringId, false);
    }

    /**
     * Each enrolled participant's progress while the class runs, for warnings (decision 0035, amended): a session
     * counts as held only once the participant's mark for it is stored; the others are pending.
     *
     * @throws AccessDeniedException when the caller neither teaches the offering nor is STAFF or ADMIN
     */
    @PreAuthorize(TEACHING)
    public List<ParticipantProgress> progressSoFar(OfferingId offeringId) {
        return progress(offeringId, true);
    }

    private List<ParticipantProgress> progress(OfferingId offeringId, boolean soFar) {
        AttendanceSheet sheet = attendance.sheet(offeringId);
        Offering o = catalog.offering(offeringId).orElseThrow();
        CompletionRule rule = rules.find(o.program().id());
        AttendancePoints worth = points.pointsFor(offeringId);
        Map<String, Stored> stored = stored(offeringId);
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        return sheet.rows().stream().map(r -> {
            boolean portfolio = portfolio(stored, r.enrollmentId());
            CompletionCheck.Standing standing = soFar
                    ? CompletionCheck.soFar(sheet.sessions(), Set.of(), today, r.marks(), worth, rule, portfolio)
                    : CompletionCheck.evaluate(sheet.sessions(), Set.of(), today, r.marks(), worth, rule, portfolio);
            return new ParticipantProgress(r.enrollmentId(), r.name(), standing, rule, portfolio);
        }).toList();
    }

    /**
     * Marks an enrolled participant's portfolio or assessment as accepted (or not).
     *
     * @throws InvalidInputException at {@code enrollmentId} for someone not enrolled in the offering
     */
    @PreAuthorize(TEACHING)
    public void setPortfolio(OfferingId offeringId, EnrollmentId enrollmentId, boolean accepted) {
        AttendanceSheet sheet = attendance.sheet(offeringId);
        if (enrollmentId == null || sheet.rows().stream().noneMatch(r -> r.enrollmentId().equals(enrollmentId))) {
            throw InvalidInputException.of("enrollmentId", "completion.validation.notEnrolled");
        }
        String by = currentUser.require().accountId();
        completions.setPortfolio(enrollmentId.value(), offeringId.value(), accepted, by, clock.instant());
        log.info("Account {} marked the portfolio of enrolment {} in offering {} as {}", by, enrollmentId.value(),
                offeringId.value(), accepted ? "accepted" : "not accepted");
    }

    /**
     * Confirms completion after the last session: stores each enrolled participant's outcome and issues a certificate
     * to each who completed and has none yet (confirming again issues no second one).
     *
     * @throws InvalidInputException at {@code offering} before the last session has ended
     */
    @PreAuthorize(TEACHING)
    public List<Completion> confirm(OfferingId offeringId) {
        List<ParticipantProgress> progress = progress(offeringId);
        Offering o = catalog.offering(offeringId).orElseThrow();
        List<LocalDate> sessions = attendance.sheet(offeringId).sessions();
        Instant now = clock.instant();
        if (sessions.isEmpty() || now.isBefore(sessions.getLast().atTime(o.schedule().endTime())
                .atZone(Formats.SEOUL).toInstant())) {
            throw InvalidInputException.of("offering", "completion.error.notOver");
        }
        String by = currentUser.require().accountId();
        long sessionMinutes = Duration.between(o.schedule().startTime(), o.schedule().endTime()).toMinutes();
        Map<EnrollmentId, Enrollment> enrolled = SystemIdentity.call(() -> desk.desk(offeringId).enrolled()).stream()
                .collect(Collectors.toMap(Enrollment::id, Function.identity()));
        Map<String, Stored> before = stored(offeringId);
        Map<EnrollmentId, CertificateDraft> drafts = drafts(o, sessions, progress, enrolled, before, sessionMinutes);
        List<Completion> out = new ArrayList<>();
        for (ParticipantProgress p : progress) {
            boolean completed = p.standing().completed();
            int attended = p.standing().attended();
            double hours = hours(attended, sessionMinutes);
            completions.confirm(p.enrollmentId().value(), offeringId.value(), completed, attended, hours, by, now);
            Stored earlier = before.get(p.enrollmentId().value());
            if (!completed && earlier != null && earlier.certificateCode() != null) {
                withdraw(p.enrollmentId().value(), earlier.certificateCode());
            }
            String code = null;
            if (drafts.containsKey(p.enrollmentId()) && completions.claimCertificate(p.enrollmentId().value(), now)) {
                code = issue(o, enrolled.get(p.enrollmentId()), drafts.get(p.enrollmentId()));
            }
            out.add(new Completion(p.enrollmentId(), p.name(), completed, attended, hours, code));
        }
        dueItems.cleared(offeringId.value(), now); // decision 0035: no longer due
        Map<String, Stored> stored = stored(offeringId);
        log.info("Account {} confirmed completion of offering {}: {} of {} completed", by, offeringId.value(),
                out.stream().filter(Completion::completed).count(), out.size());
        return out.stream().map(c -> new Completion(c.enrollmentId(), c.name(), c.completed(), c.sessions(), c.hours(),
                stored.containsKey(c.enrollmentId().value())
                        ? stored.get(c.enrollmentId().value()).certificateCode() : c.certificateCode())).toList();
    }

    /**
     * The completion rule of an offering's program, for its instructors and STAFF/ADMIN.
     *
     * @throws AccessDeniedException when the caller neither teaches the offering nor is STAFF or ADMIN
     */
    @PreAuthorize(TEACHING)
    public CompletionRule ruleFor(OfferingId offeringId) {
        attendance.sheet(offeringId); // decides who may, as for progress
        return rules.find(catalog.offering(offeringId).orElseThrow().program().id());
    }

    /**
     * The outcome of the last confirmation for each enrolled participant who has one (none before the first), in the
     * order of the attendance sheet; for the instructor's completion page and the API.
     *
     * @throws AccessDeniedException when the caller neither teaches the offering nor is STAFF or ADMIN
     */
    @PreAuthorize(TEACHING)
    public List<Completion> confirmed(OfferingId offeringId) {
        AttendanceSheet sheet = attendance.sheet(offeringId);
        Map<String, Stored> stored = stored(offeringId);
        return sheet.rows().stream().filter(r -> stored.containsKey(r.enrollmentId().value())
                && stored.get(r.enrollmentId().value()).confirmedAt() != null).map(r -> {
                    Stored s = stored.get(r.enrollmentId().value());
                    return new Completion(r.enrollmentId(), r.name(), Boolean.TRUE.equals(s.completed()), s.sessions(),
                            s.hours(), s.certificateCode());
                }).toList();
    }

    /**
     * The hours of so many sessions of so many minutes, to one decimal (half up), as stored and printed: 2 sessions of
     * 100 minutes are 3.3 hours, not 3.3333333333333335.
     */
    static double hours(int sessions, long minutesEach) {
        return java.math.BigDecimal.valueOf(sessions * minutesEach)
                .divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** Revokes the certificate of a former completer who no longer completes (decision 0033, amended). */
    private void withdraw(String enrollmentId, String code) {
        boolean revoked = SystemIdentity.call(() -> certificates.revoke(code, WITHDRAWN));
        completions.withdrawCertificate(enrollmentId, code);
        log.info("Completion of enrolment {} withdrawn at re-confirmation; its certificate {}", enrollmentId,
                revoked ? "was revoked" : "was revoked already");
    }

    /**
     * The certificates this confirmation is to issue (completers without one yet), each checked before anything is
     * stored: a draft the certificate refuses fails the whole confirmation, which then changes nothing.
     */
    private Map<EnrollmentId, CertificateDraft> drafts(Offering o, List<LocalDate> sessions,
                                                       List<ParticipantProgress> progress,
                                                       Map<EnrollmentId, Enrollment> enrolled,
                                                       Map<String, Stored> before, long sessionMinutes) {
        Map<EnrollmentId, CertificateDraft> out = new java.util.LinkedHashMap<>();
        for (ParticipantProgress p : progress) {
            Stored earlier = before.get(p.enrollmentId().value());
            Enrollment e = enrolled.get(p.enrollmentId());
            if (p.standing().completed() && e != null && (earlier == null || earlier.certificateCode() == null)) {
                int attended = p.standing().attended();
                Participant holder = SystemIdentity.call(() -> households.participant(e.who().participant()));
                CertificateDraft d = drafts.of(o, sessions, holder, attended, hours(attended, sessionMinutes));
                d.check();
                out.put(p.enrollmentId(), d);
            }
        }
        return out;
    }

    private String issue(Offering o, Enrollment e, CertificateDraft draft) {
        String enrollmentId = e.id().value();
        try {
            Certificate c = SystemIdentity.call(() -> certificates.issueOnce(draft));
            completions.certificateIssued(enrollmentId, c.code());
            log.info("Certificate {} issued for enrolment {} in offering {}", c.number(), enrollmentId,
                    o.id().value());
            mail.completed(e.id(), c);
            return c.code();
        } catch (RuntimeException failed) {
            completions.releaseClaim(enrollmentId); // no-op once the code is stored
            throw failed;
        }
    }

    private Map<String, Stored> stored(OfferingId offeringId) {
        return completions.ofOffering(offeringId.value()).stream()
                .collect(Collectors.toMap(Stored::enrollmentId, Function.identity()));
    }

    private static boolean portfolio(Map<String, Stored> stored, EnrollmentId id) {
        Stored s = stored.get(id.value());
        return s != null && s.portfolio();
    }
}
