package org.baeum.attendance.completion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.attendance.AttendanceEvents;
import org.baeum.attendance.completion.internal.CompletionWarningRepository;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Warnings while a class runs (decision 0035): after each marked session the participants whose mark changed are
 * checked against their program's rule (only when it asks for a minimum share); one who is now below the share or
 * can no longer reach it gets one mail to the household per warning and enrolment. The instructor sees the warnings
 * on the attendance page, the household on its learning history.
 */
@Service
public class CompletionWarnings {

    private static final Logger log = LoggerFactory.getLogger(CompletionWarnings.class);

    private final Completions completions;
    private final CompletionRules rules;
    private final CompletionWarningRepository mailed;
    private final CompletionWarningMail mail;
    private final CatalogService catalog;
    private final EnrollmentDesk desk;
    private final CitizenEnrollments citizenEnrollments;
    private final Clock clock;

    CompletionWarnings(Completions completions, CompletionRules rules, CompletionWarningRepository mailed,
                       CompletionWarningMail mail, CatalogService catalog, EnrollmentDesk desk,
                       CitizenEnrollments citizenEnrollments, Clock clock) {
        this.completions = completions;
        this.rules = rules;
        this.mailed = mailed;
        this.mail = mail;
        this.catalog = catalog;
        this.desk = desk;
        this.citizenEnrollments = citizenEnrollments;
        this.clock = clock;
    }

    /** One class of the caller's household in progress, with its warning if any. */
    public record RunningClass(EnrollmentId enrollmentId, String participantName, Offering offering,
                               CompletionCheck.Standing standing, CompletionRule rule,
                               Optional<CompletionWarning> warning) {
    }

    /** A participant's warning with the share their program needs (as {@link CompletionWarning#share} writes it). */
    public record Flag(CompletionWarning warning, String share) {
    }

    /** Checks the participants whose marks changed; a failure is logged, the marks stay saved (the sweep retries). */
    @EventListener
    void sessionMarked(AttendanceEvents.SessionMarked marked) {
        try {
            SystemIdentity.run(() -> check(marked.offering(), marked.enrollmentIds()));
        } catch (RuntimeException e) {
            log.error("Checking completion warnings of offering {} after {} failed; the completion sweep tries again",
                    marked.offering().value(), marked.session(), e);
        }
    }

    /**
     * Mails the warnings now due for these participants of the offering (all enrolled when {@code only} is null),
     * each at most once. As the system only.
     *
     * @return how many warnings were mailed now
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public int check(OfferingId offeringId, Collection<EnrollmentId> only) {
        Offering o = catalog.offering(offeringId).orElse(null);
        if (o == null) {
            return 0;
        }
        CompletionRule rule = rules.find(o.program().id());
        if (rule.numerator() == 0) {
            return 0;
        }
        Map<EnrollmentId, Enrollment> enrolled = null; // read only when a warning is to be mailed
        int sent = 0;
        for (ParticipantProgress p : completions.progressSoFar(offeringId)) {
            Optional<CompletionWarning> w = CompletionWarning.of(rule, p.standing());
            if (w.isEmpty() || (only != null && !only.contains(p.enrollmentId()))) {
                continue;
            }
            String id = p.enrollmentId().value();
            if (mailed.mailed(id, w.get().name()) || (w.get() == CompletionWarning.BELOW
                    && mailed.mailed(id, CompletionWarning.UNREACHABLE.name()))) {
                continue;
            }
            if (enrolled == null) {
                enrolled = desk.desk(offeringId).enrolled().stream()
                        .collect(Collectors.toMap(Enrollment::id, Function.identity(), (a, b) -> a));
            }
            Enrollment e = enrolled.get(p.enrollmentId());
            if (e != null && mail.warn(e, o, w.get(), p.standing(), rule)) {
                mailed.recordMailed(id, offeringId.value(), w.get().name(), clock.instant());
                sent++;
            }
        }
        return sent;
    }

    /**
     * The warnings of an offering's participants now, for its instructor or STAFF (none when the program asks for no
     * minimum share).
     *
     * @throws AccessDeniedException when the caller neither teaches the offering nor is STAFF or ADMIN
     */
    @PreAuthorize(Completions.TEACHING)
    public Map<EnrollmentId, Flag> ofOffering(OfferingId offeringId) {
        List<ParticipantProgress> progress = completions.progressSoFar(offeringId); // checks the caller
        Map<EnrollmentId, Flag> out = new LinkedHashMap<>();
        progress.forEach(p -> CompletionWarning.of(p.rule(), p.standing())
                .ifPresent(w -> out.put(p.enrollmentId(), new Flag(w, CompletionWarning.share(p.rule())))));
        return out;
    }

    /**
     * The classes in progress (first session held, last one not past) of the caller's household's enrolled
     * participants, with attendance so far and the warning, if any. Only the caller's own enrolments are read.
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<RunningClass> ofMyHousehold() {
        Map<OfferingId, List<Enrollment>> byOffering = citizenEnrollments.myEnrollments().stream()
                .filter(e -> e.status() == EnrollmentStatus.ENROLLED)
                .collect(Collectors.groupingBy(Enrollment::offering, LinkedHashMap::new, Collectors.toList()));
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        List<RunningClass> out = new ArrayList<>();
        byOffering.forEach((offeringId, mine) -> SystemIdentity.run(() -> {
            Offering o = catalog.offering(offeringId).orElse(null);
            if (o == null || o.sessionDates().isEmpty() || o.sessionDates().getFirst().isAfter(today)
                    || o.sessionDates().getLast().isBefore(today)) {
                return;
            }
            Map<EnrollmentId, ParticipantProgress> progress = completions.progressSoFar(offeringId).stream()
                    .collect(Collectors.toMap(ParticipantProgress::enrollmentId, Function.identity()));
            for (Enrollment e : mine) {
                ParticipantProgress p = progress.get(e.id());
                if (p != null) {
                    out.add(new RunningClass(e.id(), e.participantName(), o, p.standing(), p.rule(),
                            CompletionWarning.of(p.rule(), p.standing())));
                }
            }
        }));
        return out;
    }
}
