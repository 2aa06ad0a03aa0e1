package org.baeum.attendance.visits;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.Classification;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.TermDraft;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentStatus;

/**
 * Memberships for the desk tests: a gym membership in the demo gym or a class in the demo pool, every day for a week
 * starting 14 days after the clock's day (recruiting now), at an hour of the night no demo class uses, with citizens
 * enrolled. Needs the demo catalog (rooms {@code main-gym}, {@code main-pool}).
 */
public final class MembershipFixture {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final int[] HOURS = {0, 1, 2, 3, 4, 22, 23};
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A made membership and its enrolled entries, in the order of the citizens. */
    public record Made(OfferingId id, List<EnrollmentId> entries, LocalDate first, LocalDate last) {
    }

    private final CatalogService catalog;
    private final CitizenEnrollments enrollments;
    private final Clock clock;

    public MembershipFixture(CatalogService catalog, CitizenEnrollments enrollments, Clock clock) {
        this.catalog = catalog;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    public Made gym(List<BaeumUser> citizens) {
        return made(ProgramKind.GYM_MEMBERSHIP, "main-gym", citizens);
    }

    public Made pool(List<BaeumUser> citizens) {
        return made(ProgramKind.SPORTS_LESSON, "main-pool", citizens);
    }

    private Made made(ProgramKind kind, String room, List<BaeumUser> citizens) {
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        LocalDate first = today.plusDays(14);
        OfferingId id = SystemIdentity.call(() -> {
            TermId term = catalog.saveTerm(new TermDraft(null, "데스크 시험 기수", "Desk test term", TermType.QUARTERLY,
                    today, today.plusDays(60)));
            ProgramId program = catalog.saveProgram(new ProgramDraft(null, "데스크 시험 " + kind, "Desk test " + kind,
                    null, null, PolicyDomain.LIFE_TRANSITION, Audience.SPORTS, kind, null, null, new BranchId("main"),
                    List.of(), 0L, false, DeliveryFormat.ON_SITE, Set.of(), null, null,
                    Classification.of(LearningArea.LIBERAL_ARTS)));
            LocalDateTime opens = LocalDateTime.now(clock.withZone(SEOUL)).minusHours(1).withNano(0);
            for (int attempt = 0; attempt < 50; attempt++) {
                int k = NEXT.getAndIncrement();
                int hour = HOURS[k % HOURS.length];
                LocalTime start = LocalTime.of(hour, (k / HOURS.length) % 6 * 10 % 60);
                try {
                    OfferingId made = catalog.saveOffering(new OfferingDraft(null, program, term, room,
                            EnumSet.allOf(DayOfWeek.class), start, start.plusMinutes(9), first, first.plusDays(6), 20,
                            opens, first.minusDays(1).atTime(9, 0), RecruitmentMethod.FIRST_COME));
                    catalog.publish(made);
                    return made;
                } catch (CatalogValidationException clash) {
                    // that hour is taken in the room: the next one
                }
            }
            throw new IllegalStateException("No free hour in " + room);
        });
        List<EnrollmentId> entries = citizens.stream().map(c -> {
            TestAccounts.signIn(c);
            try {
                var e = enrollments.enroll(id, null, UUID.randomUUID().toString());
                if (e.status() != EnrollmentStatus.ENROLLED) {
                    throw new IllegalStateException("Not enrolled: " + e.status());
                }
                return e.id();
            } finally {
                TestAccounts.signOut();
            }
        }).toList();
        List<LocalDate> sessions = SystemIdentity.call(() -> catalog.offering(id).orElseThrow().sessionDates());
        return new Made(id, entries, sessions.getFirst(), sessions.getLast());
    }
}
