package org.baeum.attendance.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.baeum.account.ParticipantId;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.Recruitment;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.TermId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The catalog and enrolment side of the attendance demo: finds or places the demo instructor's classes through
 * {@link CatalogService} and enrols demo participants at the desk through {@link EnrollmentDesk}, both as the system
 * (STAFF). Called by {@link AttendanceDemoData} (and the desk's visits demo) inside {@code SystemIdentity.run}.
 */
@Component
public class DemoClasses {

    private static final Logger log = LoggerFactory.getLogger(DemoClasses.class);

    /** Where and when a class may go: tried in order until the catalog accepts one (no room or instructor clash). */
    record Placement(List<String> rooms, List<LocalTime> starts, int minutes) {
    }

    private final CatalogService catalog;
    private final EnrollmentDesk desk;
    private final Clock clock;

    DemoClasses(CatalogService catalog, EnrollmentDesk desk, Clock clock) {
        this.catalog = catalog;
        this.desk = desk;
        this.clock = clock;
    }

    /** Saves the program unless it exists (fixed id). */
    void program(ProgramDraft draft) {
        if (catalog.program(draft.id()).isEmpty()) {
            catalog.saveProgram(draft);
        }
    }

    /** The term's offering of the program (the earliest in the day when there are several), if any. */
    public Optional<Offering> find(TermId term, ProgramId program) {
        List<Offering> found = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            var result = catalog.searchForStaff(new CatalogQuery(null, null, null, null, null, null, term, null, null,
                    null, false, null, page, CatalogQuery.MAX_SIZE));
            result.items().stream().filter(o -> o.program().id().equals(program)).forEach(found::add);
            if (result.items().size() < CatalogQuery.MAX_SIZE) {
                break;
            }
        }
        return found.stream().min(Comparator.comparing((Offering o) -> o.schedule().startTime())
                .thenComparing(o -> o.id().value()));
    }

    /**
     * The term's offering of the program, or a new published one on these days, placed at the first room and time the
     * catalog accepts; it recruited first come until a week before its first day, like the demo catalog's classes.
     */
    Optional<Offering> findOrPlace(TermId term, ProgramId program, Set<DayOfWeek> days, LocalDate first,
                                   LocalDate last, int capacity, Placement placement) {
        Optional<Offering> existing = find(term, program);
        if (existing.isPresent()) {
            return existing;
        }
        List<String> refused = new ArrayList<>();
        for (LocalTime start : placement.starts()) {
            for (String room : placement.rooms()) {
                try {
                    OfferingId id = catalog.saveOffering(new OfferingDraft(null, program, term, room, days, start,
                            start.plusMinutes(placement.minutes()), first, last, capacity,
                            List.of(new OfferingDraft.PhaseDraft(first.minusDays(21).atTime(10, 0),
                                    first.minusDays(7).atTime(18, 0), RecruitmentMethod.FIRST_COME))));
                    catalog.publish(id);
                    return catalog.offering(id);
                } catch (CatalogValidationException e) {
                    refused.add(room + " " + start + ": " + e.problems());
                }
            }
        }
        log.warn("Demo class of program {} not placed: {}", program.value(), refused);
        return Optional.empty();
    }

    /**
     * Enrols the participants who are not enrolled yet and answers everyone's enrolment by participant. The class
     * recruited before it began, and the portal never back-dates an enrolment: so the desk enrols them through a
     * first-come window of a few minutes opened now, and the class's own recruitment is put back at once.
     */
    public Map<ParticipantId, EnrollmentId> enrol(Offering offering, List<ParticipantId> participants) {
        Map<ParticipantId, EnrollmentId> enrolled = enrolled(offering.id());
        List<ParticipantId> missing = participants.stream().filter(p -> !enrolled.containsKey(p)).toList();
        if (missing.isEmpty()) {
            return enrolled;
        }
        Recruitment planned = offering.recruitment();
        Instant now = clock.instant();
        catalog.recruitThroughRound(offering.id(), new Recruitment(now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofMinutes(10)), RecruitmentMethod.FIRST_COME));
        try {
            for (ParticipantId p : missing) {
                try {
                    desk.enrollFor(p, offering.id(), "demo-att-" + offering.id().value() + "-" + p.value());
                } catch (RuntimeException e) {
                    log.warn("Demo participant {} not enrolled in {}: {}", p.value(), offering.id().value(), e.toString());
                }
            }
        } finally {
            catalog.recruitThroughRound(offering.id(), planned);
        }
        return enrolled(offering.id());
    }

    private Map<ParticipantId, EnrollmentId> enrolled(OfferingId offering) {
        return desk.desk(offering).enrolled().stream()
                .collect(Collectors.toMap(Enrollment::participant, Enrollment::id, (a, b) -> a));
    }
}
