package org.baeum.enrollment.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.baeum.account.AccountId;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.Publication;
import org.baeum.catalog.Recruitment;
import org.baeum.catalog.TermId;
import org.baeum.catalog.WeeklySchedule;

/** Offerings and participants built in memory, for the rule classes' unit tests (no Spring, no database). */
final class RuleFixtures {

    /** Mondays 10:00–11:50 from 2027-03-01 (a Monday) for four weeks. */
    static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 1);

    private RuleFixtures() {
    }

    static Program program(Audience audience, PolicyDomain domain, long fee, boolean reductions) {
        return new Program(new ProgramId("p-" + audience + domain), "강좌", "Class", null, null, domain, audience,
                ProgramKind.CLASS, null, null, new BranchId("main"), List.of(), fee, reductions, DeliveryFormat.ON_SITE,
                Set.of(), null, null, null);
    }

    static Offering offering(Program program, Publication publication, Recruitment recruitment) {
        List<LocalDate> sessions = List.of(FIRST_DAY, FIRST_DAY.plusWeeks(1), FIRST_DAY.plusWeeks(2), FIRST_DAY.plusWeeks(3));
        return new Offering(new OfferingId("off-" + program.id().value()), program, new TermId("term"), "room",
                new WeeklySchedule(Set.of(DayOfWeek.MONDAY), LocalTime.of(10, 0), LocalTime.of(11, 50), FIRST_DAY,
                        FIRST_DAY.plusWeeks(3)), sessions, 20, 0, 0, publication, recruitment);
    }

    static Offering offering(Recruitment recruitment) {
        return offering(program(Audience.SPORTS, PolicyDomain.ACCESS, 30_000, true), Publication.PUBLISHED, recruitment);
    }

    static Participant adult(LocalDate birthDate) {
        return new Participant(new ParticipantId("p1"), new AccountId("h1"), "시민", birthDate, null, true);
    }

    static Instant at(String seoulDateTime) {
        return java.time.LocalDateTime.parse(seoulDateTime).atZone(java.time.ZoneId.of("Asia/Seoul")).toInstant();
    }
}
