package org.baeum.catalog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.baeum.base.domain.FieldProblem;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.Place;
import org.baeum.catalog.internal.BranchRepository;
import org.baeum.catalog.internal.CatalogMapping;
import org.baeum.catalog.internal.OfferingDocument;
import org.baeum.catalog.internal.OfferingRepository;
import org.baeum.catalog.internal.ProgramRepository;
import org.baeum.catalog.internal.TermRepository;
import org.springframework.stereotype.Component;

/**
 * The rules of planning that {@link CatalogService} applies before it stores anything: what an offering draft must
 * satisfy (program, term, room of the program's branch, schedule, capacity, recruitment, at least one session date
 * once the calendar's days off of its room are skipped, no clash of room or instructor), and how a copy moves into
 * another term. Reads only; the service saves.
 */
@Component
class PlanningRules {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final BranchRepository branches;
    private final ProgramRepository programs;
    private final TermRepository terms;
    private final OfferingRepository offerings;
    private final DaysOff daysOff;

    PlanningRules(BranchRepository branches, ProgramRepository programs, TermRepository terms,
                  OfferingRepository offerings, DaysOff daysOff) {
        this.branches = branches;
        this.programs = programs;
        this.terms = terms;
        this.offerings = offerings;
        this.daysOff = daysOff;
    }

    /** What is wrong with a program draft, field by field; empty when it can be stored. */
    List<FieldProblem> programProblems(ProgramDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        require(problems, "titleKo", draft.titleKo());
        if (draft.titleKo() != null && draft.titleKo().strip().length() > 200) {
            problems.add(FieldProblem.of("titleKo", "validation.tooLong", 200));
        }
        for (var field : Map.of("domain", Optional.ofNullable(draft.domain()), "audience", Optional.ofNullable(draft.audience()),
                "kind", Optional.ofNullable(draft.kind()), "format", Optional.ofNullable(draft.format()),
                "branchId", Optional.ofNullable(draft.branchId())).entrySet()) {
            if (field.getValue().isEmpty()) {
                problems.add(FieldProblem.of(field.getKey(), "validation.required"));
            }
        }
        if (draft.fee() == null) {
            problems.add(FieldProblem.of("fee", "validation.required"));
        } else if (draft.fee() < 0 || draft.fee() > 10_000_000) {
            problems.add(FieldProblem.of("fee", "validation.feeRange"));
        }
        if (draft.minAge() != null && (draft.minAge() < 0 || draft.minAge() > 120)) {
            problems.add(FieldProblem.of("minAge", "validation.ageRange"));
        }
        if (draft.maxAge() != null && (draft.maxAge() < 0 || draft.maxAge() > 120)) {
            problems.add(FieldProblem.of("maxAge", "validation.ageRange"));
        }
        if (draft.minAge() != null && draft.maxAge() != null && draft.maxAge() < draft.minAge()) {
            problems.add(FieldProblem.of("maxAge", "validation.maxAgeBelowMin"));
        }
        if (draft.branchId() != null && branches.findAll().stream().noneMatch(b -> b.id().equals(draft.branchId()))) {
            problems.add(FieldProblem.of("branchId", "validation.unknown"));
        }
        for (var text : Map.of("whatToBringKo", Optional.ofNullable(draft.whatToBringKo()),
                "whatToBringEn", Optional.ofNullable(draft.whatToBringEn())).entrySet()) {
            if (text.getValue().map(String::strip).orElse("").length() > Program.WHAT_TO_BRING_MAX) {
                problems.add(FieldProblem.of(text.getKey(), "validation.tooLong", Program.WHAT_TO_BRING_MAX));
            }
        }
        // a saved program is classified: the record itself keeps a sub-category under its area
        Classification c = draft.classification();
        problems.addAll(Classification.problems(c == null ? null : c.area(), c == null ? null : c.subcategory()));
        return problems;
    }

    OfferingDraft shifted(Offering source, TermId toTerm) {
        Term fromTerm = terms.findById(source.termId().value()).map(CatalogMapping::term).orElse(null);
        Term target = terms.findById(toTerm.value()).map(CatalogMapping::term)
                .orElseThrow(() -> new CatalogValidationException(List.of(FieldProblem.of("termId", "validation.unknown"))));
        long days = fromTerm == null ? 0 : ChronoUnit.DAYS.between(fromTerm.startDate(), target.startDate());
        // keep the weekday pattern: move by whole weeks
        long weeks = Math.round(days / 7.0);
        WeeklySchedule s = source.schedule();
        return new OfferingDraft(null, source.program().id(), toTerm, source.roomId(), s.weekdays(), s.startTime(),
                s.endTime(), s.firstDate().plusWeeks(weeks), s.lastDate().plusWeeks(weeks), source.capacity(),
                RecruitmentPlan.drafts(source.recruitment(), weeks));
    }

    Offering validated(OfferingDraft d, Offering existing) {
        return validated(d, existing, null);
    }

    /**
     * The offering the draft makes, or a {@link CatalogValidationException}. {@code planned} (may be null) stands for
     * the stored program of the same id: a program the caller is about to save (the spreadsheet import's dry run).
     * A new offering takes the draft's id when it has one (the import's ids made from the staff's codes), else a
     * new random one.
     */
    Offering validated(OfferingDraft d, Offering existing, Program planned) {
        List<FieldProblem> problems = new ArrayList<>();
        Program program = existingOne(problems, "programId", d.programId(),
                id -> planned != null && planned.id().equals(id) ? Optional.of(planned)
                        : programs.findById(id.value()).map(CatalogMapping::program));
        Term term = existingOne(problems, "termId", d.termId(),
                id -> terms.findById(id.value()).map(CatalogMapping::term));
        Room room = null;
        if (d.roomId() == null || d.roomId().isBlank()) {
            problems.add(FieldProblem.of("roomId", "validation.required"));
        } else {
            room = branches.findAll().stream().flatMap(b -> b.rooms().stream())
                    .filter(r -> r.id().equals(d.roomId())).findFirst().orElse(null);
            if (room == null) {
                problems.add(FieldProblem.of("roomId", "validation.unknown"));
            } else if (program != null && !room.branchId().equals(program.branchId())) {
                problems.add(FieldProblem.of("roomId", "validation.roomOtherBranch"));
            }
        }
        if (d.weekdays().isEmpty()) {
            problems.add(FieldProblem.of("weekdays", "validation.required"));
        }
        if (d.startTime() == null) {
            problems.add(FieldProblem.of("startTime", "validation.required"));
        }
        if (d.endTime() == null) {
            problems.add(FieldProblem.of("endTime", "validation.required"));
        } else if (d.startTime() != null && !d.endTime().isAfter(d.startTime())) {
            problems.add(FieldProblem.of("endTime", "validation.endBeforeStart"));
        }
        checkDates(problems, "firstDate", d.firstDate(), "lastDate", d.lastDate());
        if (term != null && d.firstDate() != null && d.lastDate() != null
                && (d.firstDate().isBefore(term.startDate()) || d.lastDate().isAfter(term.endDate()))) {
            problems.add(FieldProblem.of("lastDate", "validation.outsideTerm", term.startDate(), term.endDate()));
        }
        if (d.capacity() == null) {
            problems.add(FieldProblem.of("capacity", "validation.required"));
        } else if (d.capacity() < 1) {
            problems.add(FieldProblem.of("capacity", "validation.capacityMin"));
        } else if (room != null && d.capacity() > room.seats()) {
            problems.add(FieldProblem.of("capacity", "validation.capacityAboveSeats", room.seats()));
        } else if (existing != null && d.capacity() < existing.seatsTaken()) {
            problems.add(FieldProblem.of("capacity", "validation.capacityBelowTaken", existing.seatsTaken()));
        }
        RecruitmentPlan.check(d.phases(), problems);
        WeeklySchedule schedule = null;
        List<LocalDate> sessions = List.of();
        if (problems.isEmpty()) {
            schedule = new WeeklySchedule(d.weekdays(), d.startTime(), d.endTime(), d.firstDate(), d.lastDate());
            try {
                sessions = SessionCalendar.plan(schedule, Place.room(room.branchId().value(), room.id()),
                        daysOff.between(d.firstDate(), d.lastDate())).sessionDates();
                if (existing != null) { // a closure's cancelled and make-up days stay (decision 0043)
                    sessions = SessionChanges.applyTo(offerings.closureChanges(existing.id().value()), sessions);
                }
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("lastDate", "validation.noHolidayData"));
            }
            if (problems.isEmpty() && sessions.isEmpty()) {
                problems.add(FieldProblem.of("firstDate", "validation.noSessions"));
            }
            if (problems.isEmpty()) {
                RecruitmentPlan.checkClosesBefore(d.phases(), LocalDateTime.of(sessions.getFirst(), d.startTime()), problems);
            }
        }
        if (problems.isEmpty()) {
            String selfId = existing == null ? null : existing.id().value();
            conflict(offerings.activeInRoom(d.roomId(), d.firstDate()), selfId, sessions, d)
                    .ifPresent(other -> problems.add(FieldProblem.of("roomId", "validation.roomConflict",
                            other.titleKo(), other.firstDate())));
            List<String> instructorIds = program.instructors().stream().map(Instructor::accountId).toList();
            conflict(offerings.activeForInstructors(instructorIds, d.firstDate()), selfId, sessions, d)
                    .ifPresent(other -> problems.add(FieldProblem.of("startTime", "validation.instructorConflict",
                            other.titleKo())));
        }
        throwIfAny(problems);
        OfferingId id = existing != null ? existing.id() : d.id() != null ? d.id() : new OfferingId(newId("off"));
        Recruitment recruitment = RecruitmentPlan.recruitment(d.phases());
        return new Offering(id, program, term.id(), d.roomId(), schedule, sessions, d.capacity(),
                existing == null ? 0 : existing.seatsTaken(), existing == null ? 0 : existing.waitlistLength(),
                existing == null ? Publication.DRAFT : existing.publication(), recruitment);
    }

    /** The record an id names, or null with a "required" or "unknown" problem for the field. */
    private static <I, T> T existingOne(List<FieldProblem> problems, String field, I id,
                                        java.util.function.Function<I, Optional<T>> find) {
        if (id == null) {
            problems.add(FieldProblem.of(field, "validation.required"));
            return null;
        }
        T found = find.apply(id).orElse(null);
        if (found == null) {
            problems.add(FieldProblem.of(field, "validation.unknown"));
        }
        return found;
    }

    /** Another offering that meets on one of these dates at an overlapping time. */
    private static Optional<OfferingDocument> conflict(List<OfferingDocument> candidates, String selfId,
                                                       List<LocalDate> sessions, OfferingDraft d) {
        Set<LocalDate> dates = new HashSet<>(sessions);
        int start = d.startTime().getHour() * 60 + d.startTime().getMinute();
        int end = d.endTime().getHour() * 60 + d.endTime().getMinute();
        return candidates.stream()
                .filter(o -> !o.id().equals(selfId))
                .filter(o -> o.startMinute() < end && start < o.endMinute())
                .filter(o -> o.sessionDates().stream().anyMatch(dates::contains))
                .findFirst();
    }

    static void checkDates(List<FieldProblem> problems, String firstField, LocalDate first, String lastField,
                                   LocalDate last) {
        if (first == null) {
            problems.add(FieldProblem.of(firstField, "validation.required"));
        }
        if (last == null) {
            problems.add(FieldProblem.of(lastField, "validation.required"));
        }
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(FieldProblem.of(lastField, "validation.endBeforeStart"));
            } else if (ChronoUnit.DAYS.between(first, last) > WeeklySchedule.MAX_SPAN_DAYS) {
                problems.add(FieldProblem.of(lastField, "validation.spanTooLong", WeeklySchedule.MAX_SPAN_DAYS));
            }
        }
    }

    static void require(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        }
    }

    static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new CatalogValidationException(problems);
        }
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
