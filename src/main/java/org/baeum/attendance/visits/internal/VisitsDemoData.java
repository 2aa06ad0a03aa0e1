package org.baeum.attendance.visits.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.baeum.account.ParticipantId;
import org.baeum.attendance.internal.DemoClasses;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Offering;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.TermId;
import org.baeum.enrollment.EnrollmentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The desk's demo (decision 0044): the demo citizen 김시민 and two neighbours hold this quarter's gym membership (the
 * demo catalog's 헬스장 분기 회원), so STAFF can check 김시민 in at {@code /staff/desk} on any open weekday and he sees his
 * card at {@code /my/membership-card}; the two neighbours have visited on past open days (every other one), so the
 * reports show the membership's 연인원. Idempotent: enrolments are found again, a visit of a day is stored once.
 */
@Component
class VisitsDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(VisitsDemoData.class);
    static final TermId QUARTER = new TermId("demo-q-current");
    static final ProgramId GYM = new ProgramId("demo-gym");
    static final List<ParticipantId> MEMBERS = List.of(new ParticipantId("demo-citizen"),
            new ParticipantId("demo-citizen-2"), new ParticipantId("demo-citizen-5"));

    private final DemoClasses classes;
    private final Memberships memberships;
    private final VisitRepository visits;
    private final Clock clock;

    VisitsDemoData(DemoClasses classes, Memberships memberships, VisitRepository visits, Clock clock) {
        this.classes = classes;
        this.memberships = memberships;
        this.visits = visits;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 62; // after the attendance demo (60), before the past year (65+)
    }

    @Override
    public void contribute(DemoContext context) {
        SystemIdentity.run(() -> {
            try {
                classes.find(QUARTER, GYM).ifPresentOrElse(this::members,
                        () -> log.warn("Demo gym membership of term {} not found", QUARTER.value()));
            } catch (RuntimeException e) { // the desk's demo must not keep the portal from starting
                log.warn("The desk's demo memberships were not completed", e);
            }
        });
    }

    private void members(Offering gym) {
        Map<ParticipantId, EnrollmentId> enrolled = classes.enrol(gym, MEMBERS);
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        int stored = 0;
        for (ParticipantId p : MEMBERS.subList(1, MEMBERS.size())) {
            EnrollmentId id = enrolled.get(p);
            if (id == null) {
                continue;
            }
            List<LocalDate> past = gym.sessionDates().stream().filter(d -> d.isBefore(today))
                    .filter(d -> memberships.open(gym, d)).toList();
            for (int i = 0; i < past.size(); i += 2) {
                LocalDate day = past.get(i);
                if (visits.insert(new VisitRepository.Visit(id.value(), gym.id().value(), day,
                        gym.ageDay().getYear(), day.atTime(7, 30).toInstant(ZoneOffset.ofHours(9)), "demo-staff",
                        true))) {
                    stored++;
                }
            }
        }
        log.info("Demo gym membership {}: {} members, {} past visits stored now", gym.id().value(), enrolled.size(),
                stored);
    }
}
