package org.baeum.attendance.visits.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.baeum.attendance.internal.DemoClasses;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.Term;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Visits in the demo's past year (decision 0047): the members of last year's gym memberships of the demo history
 * (terms {@code demo-h<year>-…}, made by attendance's history demo) checked in on a share of the open days that is
 * each member's own habit (a quarter to three quarters of them, fixed by the entry's id), so the reports show the
 * memberships' 연인원 for last year too. Idempotent: the days a member has a visit on already are left out, so a second
 * start adds nothing and an interrupted one is completed.
 */
@Component
class HistoryVisitsDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(HistoryVisitsDemoData.class);

    private final CatalogService catalog;
    private final DemoClasses classes;
    private final EnrollmentDesk desk;
    private final Memberships memberships;
    private final VisitRepository visits;
    private final Clock clock;

    HistoryVisitsDemoData(CatalogService catalog, DemoClasses classes, EnrollmentDesk desk, Memberships memberships,
                          VisitRepository visits, Clock clock) {
        this.catalog = catalog;
        this.classes = classes;
        this.desk = desk;
        this.memberships = memberships;
        this.visits = visits;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 71; // after the past year's classes and learners (70)
    }

    @Override
    public void contribute(DemoContext context) {
        SystemIdentity.run(() -> {
            try {
                build();
            } catch (RuntimeException e) { // the past year is for the reports; it must never stop the start
                log.warn("The demo history's membership visits were not completed", e);
            }
        });
    }

    private void build() {
        String prefix = "demo-h" + (LocalDate.now(clock.withZone(Formats.SEOUL)).getYear() - 1) + "-";
        int stored = 0;
        int gyms = 0;
        for (Term term : catalog.terms()) {
            if (!term.id().value().startsWith(prefix)) {
                continue;
            }
            Offering gym = classes.find(term.id(), VisitsDemoData.GYM).orElse(null);
            if (gym != null && memberships.kind(gym) == Memberships.Kind.GYM) {
                gyms++;
                stored += visit(gym);
            }
        }
        log.info("Demo history: {} past gym memberships, {} visits stored now", gyms, stored);
    }

    /** Each member's visits on past open days of the membership; returns how many were stored now. */
    private int visit(Offering gym) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        List<Enrollment> members = desk.desk(gym.id()).enrolled().stream()
                .filter(e -> e.status() == EnrollmentStatus.ENROLLED).toList();
        if (members.isEmpty()) {
            return 0;
        }
        Set<String> already = visits.daysOf(members.stream().map(e -> e.id().value()).toList());
        List<LocalDate> open = gym.sessionDates().stream().filter(d -> d.isBefore(today))
                .filter(d -> memberships.open(gym, d)).toList();
        List<VisitRepository.Visit> fresh = new ArrayList<>();
        for (Enrollment e : members) {
            String id = e.id().value();
            int habit = 25 + Math.floorMod(id.hashCode(), 51); // percent of the open days
            for (LocalDate day : open) {
                int roll = Math.floorMod((id + "|" + day).hashCode(), 100);
                if (roll < habit && !already.contains(id + "|" + day)) {
                    fresh.add(new VisitRepository.Visit(id, gym.id().value(), day, gym.ageDay().getYear(),
                            day.atTime(6 + roll % 15, roll % 60).toInstant(ZoneOffset.ofHours(9)), "demo-staff",
                            true));
                }
            }
        }
        visits.insertAll(fresh);
        return fresh.size();
    }
}
