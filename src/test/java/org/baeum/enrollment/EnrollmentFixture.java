package org.baeum.enrollment;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.DeliveryFormat;
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

/**
 * Creates published, recruiting offerings for enrolment tests: each in its own room and hour (so planning never
 * sees a clash), first session two weeks after the clock's now, window open since an hour ago until the day before.
 * The rooms are ones no demo offering uses: the counter runs on across test classes, so any hour comes round.
 * Needs the demo branches (load the demo data first).
 */
public final class EnrollmentFixture {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final String[] ROOMS = {"main-digital", "main-study-1", "main-study-2"};
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final CatalogService catalog;
    private final Clock clock;
    private TermId term;

    public EnrollmentFixture(CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** An offering with this capacity and fee (reductions apply), for everyone (sports audience). */
    public OfferingId offering(int capacity, long fee) {
        return offering(capacity, fee, true, Audience.SPORTS, null, null);
    }

    public OfferingId offering(int capacity, long fee, boolean reductions, Audience audience, Integer minAge, Integer maxAge) {
        return offering(capacity, fee, reductions, audience, minAge, maxAge, RecruitmentMethod.FIRST_COME, List.of());
    }

    /** An offering for everyone that recruits by {@code method}, taught by {@code instructors}. */
    public OfferingId offering(int capacity, long fee, RecruitmentMethod method, List<org.baeum.catalog.Instructor> instructors) {
        return offering(capacity, fee, true, Audience.SPORTS, null, null, method, instructors);
    }

    private OfferingId offering(int capacity, long fee, boolean reductions, Audience audience, Integer minAge,
                                Integer maxAge, RecruitmentMethod method, List<org.baeum.catalog.Instructor> instructors) {
        OfferingId[] id = {null};
        SystemIdentity.run(() -> {
            LocalDate today = LocalDate.now(clock.withZone(SEOUL));
            if (term == null) {
                term = catalog.saveTerm(new TermDraft(null, "등록 시험 기수", "Enrolment test term", TermType.SIX_MONTH,
                        today, today.plusDays(170)));
            }
            for (int attempt = 0; attempt < 100 && id[0] == null; attempt++) {
                id[0] = tryOffering(NEXT.getAndIncrement(), today, capacity, fee, reductions, audience, minAge, maxAge,
                        method, instructors);
            }
        });
        return id[0];
    }

    /**
     * Offerings (at most one per fixture room) that meet on the same days at the same hour, so each clashes with the
     * others; for everyone (sports audience).
     */
    public List<OfferingId> atTheSameTime(int count, int capacity, long fee) {
        if (count > ROOMS.length) {
            throw new IllegalArgumentException("At most " + ROOMS.length + " offerings at once");
        }
        List<OfferingId>[] ids = new List[]{null};
        SystemIdentity.run(() -> {
            LocalDate today = LocalDate.now(clock.withZone(SEOUL));
            if (term == null) {
                term = catalog.saveTerm(new TermDraft(null, "등록 시험 기수", "Enrolment test term", TermType.SIX_MONTH,
                        today, today.plusDays(170)));
            }
            for (int attempt = 0; attempt < 100 && ids[0] == null; attempt++) {
                // slots start .. start + ROOMS.length - 1 share an hour and a week, one room each
                int start = NEXT.getAndAdd(ROOMS.length);
                start = (start + ROOMS.length - 1) / ROOMS.length * ROOMS.length;
                NEXT.accumulateAndGet(start + ROOMS.length, Math::max);
                List<OfferingId> made = new java.util.ArrayList<>();
                for (int i = 0; i < count; i++) {
                    OfferingId id = tryOffering(start + i, today, capacity, fee, true, Audience.SPORTS, null, null,
                            RecruitmentMethod.FIRST_COME, List.of());
                    if (id == null) {
                        break;
                    }
                    made.add(id);
                }
                if (made.size() == count) {
                    ids[0] = made;
                }
            }
        });
        return ids[0];
    }

    /** One slot (room, hour, week); null when a demo class already uses it. */
    private OfferingId tryOffering(int k, LocalDate today, int capacity, long fee, boolean reductions, Audience audience,
                                   Integer minAge, Integer maxAge, RecruitmentMethod method,
                                   List<org.baeum.catalog.Instructor> instructors) {
        {
            String room = ROOMS[k % ROOMS.length];
            int hour = 1 + (k / ROOMS.length) % 20;
            int week = k / (ROOMS.length * 20);
            ProgramId program = catalog.saveProgram(new ProgramDraft(null, "등록 시험 강좌 " + k, "Enrolment test class " + k,
                    null, null, PolicyDomain.LIFE_TRANSITION, audience, ProgramKind.CLASS, minAge, maxAge,
                    new BranchId("main"), instructors, fee, reductions, DeliveryFormat.ON_SITE, Set.of(), null, null,
                    org.baeum.catalog.Classification.of(org.baeum.catalog.LearningArea.LIBERAL_ARTS)));
            LocalDate first = today.plusDays(14 + 7L * week);
            LocalDateTime opens = LocalDateTime.now(clock.withZone(SEOUL)).minusHours(1).withNano(0);
            OfferingId offering;
            try {
                offering = catalog.saveOffering(new OfferingDraft(null, program, term, room,
                        EnumSet.allOf(DayOfWeek.class), LocalTime.of(hour, 0), LocalTime.of(hour, 50), first,
                        first.plusDays(6), capacity, opens, first.minusDays(1).atTime(hour, 0), method));
            } catch (org.baeum.catalog.CatalogValidationException clash) {
                return null;
            }
            catalog.publish(offering);
            return offering;
        }
    }
}
