package org.baeum.closure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.calendar.ClosablePlace;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.closure.ClosureDesk;
import org.baeum.closure.ClosureImpact;
import org.baeum.closure.ClosureImpact.SessionHit;
import org.baeum.closure.ClosurePlan;
import org.baeum.closure.ClosureRequest;
import org.baeum.closure.internal.ClosurePlanRepository.PlanDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * STAFF's closure desk (decision 0043): the impact of a closure before confirming, the declared plan that one due job
 * applies ({@link ClosureApplier}), and lifting a closure early. Every method checks the caller.
 */
@Service
class ClosureEngine implements ClosureDesk {

    private static final Logger log = LoggerFactory.getLogger(ClosureEngine.class);
    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";

    private final DaysOff daysOff;
    private final ClosureImpacts impacts;
    private final ClosurePlanRepository plans;
    private final ClosureWorkRepository work;
    private final CurrentUser currentUser;
    private final Clock clock;

    ClosureEngine(DaysOff daysOff, ClosureImpacts impacts, ClosurePlanRepository plans, ClosureWorkRepository work,
                  CurrentUser currentUser, Clock clock) {
        this.daysOff = daysOff;
        this.impacts = impacts;
        this.plans = plans;
        this.work = work;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(STAFF)
    public ClosureImpact preview(ClosureRequest request) {
        return impacts.compute(request, checked(request), today()).impact();
    }

    @Override
    @PreAuthorize(STAFF)
    public ClosurePlan declare(ClosureRequest request) {
        ClosureTarget target = checked(request);
        ClosureImpacts.Computed computed = impacts.compute(request, target, today());
        List<String> unchosen = computed.impact().sessions().stream().filter(s -> s.choice() == null)
                .map(SessionHit::title).distinct().toList();
        if (!unchosen.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("offerings", "closure.validation.choiceMissing",
                    String.join(", ", unchosen))));
        }
        String id = "cp-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        PlanDocument plan = new PlanDocument(id, request, computed.impact(), ClosurePlan.Status.APPLYING, null, who(),
                clock.instant(), null, null, computed.offerings(), computed.people(), List.of(), List.of(), 0);
        plans.insert(plan);
        work.schedule(id, clock.instant());
        log.info("Closure plan {} declared by {}: {} {} from {} to {}{}; {} session(s), {} booking(s), {} offer(s), {} "
                        + "people", id, who(), target.scope(), target.placeId() == null ? "-" : target.placeId(),
                request.firstDay(), request.lastDay(), request.fromTime() == null ? ""
                        : " " + request.fromTime() + "–" + request.toTime(), computed.impact().sessions().size(),
                computed.impact().bookings().size() + computed.impact().clubSlots().size(),
                computed.impact().offers().size(), computed.impact().people());
        return plan.plan();
    }

    @Override
    @PreAuthorize(STAFF)
    public ClosurePlan lift(String planId) {
        PlanDocument plan = planId == null ? null : plans.find(planId).orElse(null);
        if (plan == null) {
            throw InvalidInputException.of("id", "validation.unknown");
        }
        if (plan.status() == ClosurePlan.Status.APPLYING) {
            throw InvalidInputException.of("id", "closure.validation.stillApplying");
        }
        if (plan.status() == ClosurePlan.Status.LIFTED || !plans.lifted(planId, clock.instant())) {
            throw InvalidInputException.of("id", "closure.validation.lifted");
        }
        LocalDate today = today();
        if (plan.calendarClosureId() != null) {
            // ends today, or is removed when it has not started: endClosure removes one whose last day is before its first
            LocalDate lastDay = plan.request().firstDay().isAfter(today) ? plan.request().firstDay().minusDays(1) : today;
            daysOff.endClosure(plan.calendarClosureId(), lastDay);
        }
        log.info("Closure plan {} lifted by {} on {}: what was cancelled stays cancelled", planId, who(), today);
        return plans.find(planId).orElseThrow().plan();
    }

    @Override
    @PreAuthorize(STAFF)
    public List<ClosurePlan> plans() {
        return plans.newestFirst().stream().map(PlanDocument::plan).toList();
    }

    @Override
    @PreAuthorize(STAFF)
    public Optional<ClosurePlan> plan(String planId) {
        return planId == null ? Optional.empty() : plans.find(planId).map(PlanDocument::plan);
    }

    /** Checks every field; the place it names, or {@code InvalidInputException} with every problem. */
    private ClosureTarget checked(ClosureRequest r) {
        Objects.requireNonNull(r, "request");
        List<FieldProblem> problems = new ArrayList<>();
        ClosureTarget target = target(r, problems);
        LocalDate first = r.firstDay();
        LocalDate last = r.lastDay();
        if (first == null) {
            problems.add(FieldProblem.of("firstDay", "validation.required"));
        }
        if (last == null) {
            problems.add(FieldProblem.of("lastDay", "validation.required"));
        } else if (first != null && last.isBefore(first)) {
            problems.add(FieldProblem.of("lastDay", "validation.endBeforeStart"));
        } else if (first != null && ChronoUnit.DAYS.between(first, last) >= DaysOff.MAX_SPAN_DAYS) {
            problems.add(FieldProblem.of("lastDay", "validation.spanTooLong", DaysOff.MAX_SPAN_DAYS));
        } else if (last.isBefore(today())) {
            problems.add(FieldProblem.of("lastDay", "closure.validation.past"));
        }
        if (r.fromTime() == null && r.toTime() != null) {
            problems.add(FieldProblem.of("fromTime", "validation.required"));
        } else if (r.fromTime() != null && r.toTime() == null) {
            problems.add(FieldProblem.of("toTime", "validation.required"));
        } else if (r.fromTime() != null && !r.fromTime().isBefore(r.toTime())) {
            problems.add(FieldProblem.of("toTime", "validation.endBeforeStart"));
        }
        reason(problems, "reasonKo", r.reasonKo());
        reason(problems, "reasonEn", r.reasonEn());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return target;
    }

    private ClosureTarget target(ClosureRequest r, List<FieldProblem> problems) {
        if (present(r.roomId()) && present(r.facilityId())) {
            problems.add(FieldProblem.of("facilityId", "closure.validation.onePlace"));
            return null;
        }
        ClosureScope scope = present(r.roomId()) ? ClosureScope.ROOM : present(r.facilityId()) ? ClosureScope.FACILITY
                : present(r.branchId()) ? ClosureScope.BRANCH : ClosureScope.ALL;
        if (scope == ClosureScope.ALL) {
            return new ClosureTarget(scope, null, null, "전체", "All branches");
        }
        String id = scope == ClosureScope.ROOM ? r.roomId() : scope == ClosureScope.FACILITY ? r.facilityId() : r.branchId();
        String field = scope == ClosureScope.ROOM ? "roomId" : scope == ClosureScope.FACILITY ? "facilityId" : "branchId";
        ClosablePlace place = daysOff.places().stream().filter(p -> p.scope() == scope && p.id().equals(id.strip()))
                .findFirst().orElse(null);
        if (place == null || present(r.branchId()) && !place.branchId().equals(r.branchId().strip())) {
            problems.add(FieldProblem.of(field, "validation.unknown"));
            return null;
        }
        return new ClosureTarget(scope, place.branchId(), place.id(), place.nameKo(), place.nameEn());
    }

    private static void reason(List<FieldProblem> problems, String field, String reason) {
        if (reason == null || reason.isBlank()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (reason.strip().length() > DaysOff.MAX_REASON) {
            problems.add(FieldProblem.of(field, "validation.tooLong", DaysOff.MAX_REASON));
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    private String who() {
        return currentUser.get().map(u -> u.getUsername()).orElse("system");
    }
}
