package org.baeum.attendance.visits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.baeum.attendance.visits.internal.Memberships;
import org.baeum.attendance.visits.internal.VisitRepository;
import org.baeum.base.desk.DeskCodes;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The membership cards of the caller's household (decision 0044): each enrolled gym membership or pool class that has
 * not ended, with its desk code. Nothing is stored: the code is derived from the enrolment id ({@link DeskCodes}).
 * CITIZEN only; another household's entry is refused by enrolment's own check.
 */
@Service
public class MembershipCards {

    private final CitizenEnrollments enrollments;
    private final CatalogService catalog;
    private final Memberships memberships;
    private final DeskCodes codes;
    private final Clock clock;
    private final VisitRepository visits;

    MembershipCards(CitizenEnrollments enrollments, CatalogService catalog, Memberships memberships, DeskCodes codes,
                    Clock clock, VisitRepository visits) {
        this.visits = visits;
        this.enrollments = enrollments;
        this.catalog = catalog;
        this.memberships = memberships;
        this.codes = codes;
        this.clock = clock;
    }

    /** The household's cards, of memberships not ended yet. */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<MembershipCard> mine() {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        return enrollments.myEnrollments().stream().map(this::card).flatMap(Optional::stream)
                .filter(c -> !c.lastDay().isBefore(today)).toList();
    }

    /**
     * One card of the household.
     *
     * @return empty when the entry is not an enrolled membership
     * @throws AccessDeniedException when the entry is another household's (or does not exist)
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public Optional<MembershipCard> card(EnrollmentId id) {
        return card(enrollments.enrollment(id));
    }

    private Optional<MembershipCard> card(Enrollment e) {
        if (e.status() != EnrollmentStatus.ENROLLED) {
            return Optional.empty();
        }
        Offering o = catalog.offering(e.offering()).orElse(null);
        Memberships.Kind kind = o == null || o.sessionDates().isEmpty() ? null : memberships.kind(o);
        if (kind == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        Instant visited = visits.find(e.id().value(), today).map(VisitRepository.Visit::at).orElse(null);
        boolean self = visited == null && kind == Memberships.Kind.GYM && Memberships.inPeriod(o, today)
                && MembershipVisits.withinSelfHours(o, clock.instant()) && memberships.open(o, today);
        return Optional.of(new MembershipCard(e.id(), e.participantName(), o.program().titleKo(),
                o.program().titleEn(), o.sessionDates().getFirst(), o.sessionDates().getLast(),
                codes.code(MembershipVisits.SOURCE, e.id().value()), kind == Memberships.Kind.POOL, visited, self));
    }
}
