package org.baeum.catalog;

import org.baeum.base.domain.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.capacity.CapacityLedger;
import org.baeum.catalog.internal.BranchRepository;
import org.baeum.catalog.internal.CatalogMapping;
import org.baeum.catalog.internal.ClosureRepository;
import org.baeum.catalog.internal.OfferingDocument;
import org.baeum.catalog.internal.OfferingRepository;
import org.baeum.catalog.internal.ProgramRepository;
import org.baeum.catalog.internal.OfferingSeats;
import org.springframework.context.ApplicationEventPublisher;
import org.baeum.catalog.internal.TermRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The catalog feature's API: branches and rooms, terms, programs and offerings. Anyone may search and read
 * what is published; STAFF and ADMIN plan (create, edit, copy, publish). Every save is validated in full
 * first and stores nothing when anything is wrong.
 */
@Service
public class CatalogService {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";

    private final BranchRepository branches;
    private final ProgramRepository programs;
    private final TermRepository terms;
    private final OfferingRepository offerings;
    private final ClosureRepository closures;
    private final HolidayCalendar holidays;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CapacityLedger seats;
    private final ApplicationEventPublisher events;

    CatalogService(BranchRepository branches, ProgramRepository programs, TermRepository terms,
                   OfferingRepository offerings, ClosureRepository closures, HolidayCalendar holidays,
                   CurrentUser currentUser, Clock clock, CapacityLedger seats, ApplicationEventPublisher events) {
        this.seats = seats;
        this.events = events;
        this.branches = branches;
        this.programs = programs;
        this.terms = terms;
        this.offerings = offerings;
        this.closures = closures;
        this.holidays = holidays;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // ---- public reading ------------------------------------------------------------------------------

    /** Every branch with its rooms; public information. */
    @PreAuthorize("permitAll()")
    public List<Branch> branches() {
        return branches.findAll();
    }

    /** Every term, newest first; public information. */
    @PreAuthorize("permitAll()")
    public List<Term> terms() {
        return terms.findAll().stream().map(CatalogMapping::term).toList();
    }

    /** Published offerings that match, one page. Offerings that ended are left out unless a term is chosen. */
    @PreAuthorize("permitAll()")
    public CatalogPage<Offering> search(CatalogQuery query) {
        var found = offerings.search(query, false, LocalDate.now(clock.withZone(SEOUL)));
        return new CatalogPage<>(found.items().stream().map(CatalogMapping::offering).toList(), found.total(),
                query.page(), query.size());
    }

    /** One offering: published or cancelled ones for anyone, drafts for STAFF and ADMIN only. */
    @PreAuthorize("permitAll()")
    public Optional<Offering> offering(OfferingId id) {
        return offerings.findById(id.value()).map(CatalogMapping::offering)
                .filter(o -> o.publication() != Publication.DRAFT || isStaff());
    }

    /** Closures (휴관) that end on or after {@code day}, for every branch; public information. */
    @PreAuthorize("permitAll()")
    public List<Closure> closuresFrom(LocalDate day) {
        return closures.endingOnOrAfter(day);
    }

    // ---- staff planning ------------------------------------------------------------------------------

    /** Drafts and published offerings that match, for planning. */
    @PreAuthorize(STAFF)
    public CatalogPage<Offering> searchForStaff(CatalogQuery query) {
        var found = offerings.search(query, true, LocalDate.now(clock.withZone(SEOUL)));
        return new CatalogPage<>(found.items().stream().map(CatalogMapping::offering).toList(), found.total(),
                query.page(), query.size());
    }

    @PreAuthorize(STAFF)
    public List<Program> programs() {
        return programs.findAll().stream().map(CatalogMapping::program).toList();
    }

    @PreAuthorize(STAFF)
    public Optional<Program> program(ProgramId id) {
        return programs.findById(id.value()).map(CatalogMapping::program);
    }

    @PreAuthorize(STAFF)
    public TermId saveTerm(TermDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        require(problems, "nameKo", draft.nameKo());
        if (draft.type() == null) {
            problems.add(FieldProblem.of("type", "validation.required"));
        }
        checkDates(problems, "startDate", draft.startDate(), "endDate", draft.endDate());
        throwIfAny(problems);
        TermId id = draft.id() != null ? draft.id() : new TermId(newId("term"));
        terms.save(CatalogMapping.document(new Term(id, draft.nameKo().strip(), blankToNull(draft.nameEn()),
                draft.type(), draft.startDate(), draft.endDate())));
        log.info("Term {} saved by {}", id.value(), who());
        return id;
    }

    /** Creates or updates a program; its offerings take over the new texts, fee and attributes. */
    @PreAuthorize(STAFF)
    public ProgramId saveProgram(ProgramDraft draft) {
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
        throwIfAny(problems);
        ProgramId id = draft.id() != null ? draft.id() : new ProgramId(newId("prog"));
        Program program = new Program(id, draft.titleKo().strip(), blankToNull(draft.titleEn()),
                blankToNull(draft.descriptionKo()), blankToNull(draft.descriptionEn()), draft.domain(), draft.audience(),
                draft.kind(), draft.minAge(), draft.maxAge(), draft.branchId(), draft.instructors(), draft.fee(),
                draft.feeReductionsApply(), draft.format(), draft.accessibility(), blankToNull(draft.accessibilityNoteKo()),
                blankToNull(draft.accessibilityNoteEn()));
        Instant now = clock.instant();
        programs.save(CatalogMapping.document(program, now));
        for (OfferingDocument existing : offerings.ofProgram(id.value())) {
            Offering o = CatalogMapping.offering(existing);
            offerings.save(CatalogMapping.document(new Offering(o.id(), program, o.termId(), o.roomId(), o.schedule(),
                    o.sessionDates(), o.capacity(), o.seatsTaken(), o.waitlistLength(), o.publication(), o.recruitment()), now));
        }
        log.info("Program {} '{}' saved by {}", id.value(), program.titleKo(), who());
        return id;
    }

    /** Creates or updates an offering after checking everything; a new one starts as a draft. */
    @PreAuthorize(STAFF)
    public OfferingId saveOffering(OfferingDraft draft) {
        Offering existing = draft.id() == null ? null
                : offerings.findById(draft.id().value()).map(CatalogMapping::offering).orElse(null);
        Offering offering = validated(draft, existing);
        int added = 0;
        if (existing != null && existing.capacity() != offering.capacity()) {
            added = offering.capacity() - existing.capacity();
            changeCapacityGuarded(existing, added);
        }
        offerings.save(CatalogMapping.document(offering, clock.instant()));
        log.info("Offering {} '{}' saved by {}", offering.id().value(), offering.program().titleKo(), who());
        if (added > 0) {
            events.publishEvent(new OfferingEvents.SeatsAdded(offering.id(), added));
        }
        return offering.id();
    }

    /**
     * Changes only the capacity (STAFF raising it for a popular class, or lowering it): at most the room's seats and
     * never below the seats taken. New seats go to the waitlist first ({@link OfferingEvents.SeatsAdded}).
     *
     * @throws CatalogValidationException on field {@code capacity}
     */
    @PreAuthorize(STAFF)
    public void changeCapacity(OfferingId id, int capacity) {
        Offering existing = offerings.findById(id.value()).map(CatalogMapping::offering)
                .orElseThrow(() -> new CatalogValidationException(List.of(FieldProblem.of("id", "validation.unknown"))));
        int roomSeats = branches.findAll().stream().flatMap(b -> b.rooms().stream())
                .filter(r -> r.id().equals(existing.roomId())).mapToInt(Room::seats).findFirst().orElse(Integer.MAX_VALUE);
        if (capacity < 1) {
            throw new CatalogValidationException(List.of(FieldProblem.of("capacity", "validation.capacityMin")));
        }
        if (capacity > roomSeats) {
            throw new CatalogValidationException(List.of(FieldProblem.of("capacity", "validation.capacityAboveSeats", roomSeats)));
        }
        int added = capacity - existing.capacity();
        if (added == 0) {
            return;
        }
        changeCapacityGuarded(existing, added);
        log.info("Offering {} capacity {} -> {} by {}", id.value(), existing.capacity(), capacity, who());
        if (added > 0) {
            events.publishEvent(new OfferingEvents.SeatsAdded(id, added));
        }
    }

    /**
     * One guarded update: the capacity is still what we read and the new one is not below the seats taken. The ledger
     * writes only as the portal; the caller's role was checked by the public method.
     */
    private void changeCapacityGuarded(Offering existing, int added) {
        if (!SystemIdentity.call(() -> seats.changeCapacity(OfferingSeats.of(existing.id().value()), existing.capacity(), added))) {
            int taken = offerings.findById(existing.id().value()).map(OfferingDocument::seatsTaken).orElse(0);
            throw new CatalogValidationException(List.of(FieldProblem.of("capacity", "validation.capacityBelowTaken", taken)));
        }
    }

    @PreAuthorize(STAFF)
    public void publish(OfferingId id) {
        setPublication(id, Publication.PUBLISHED);
    }

    /**
     * Cancels an offering (폐강: too few sign-ups, no instructor, the room lost): it leaves the catalog, and every
     * enrolment in it ends with the fee refunded pro rata by the class days not given ({@link OfferingEvents.OfferingCancelled}).
     *
     * @throws CatalogValidationException at {@code reason} when none is given; nothing changes
     */
    @PreAuthorize(STAFF)
    public void cancel(OfferingId id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new CatalogValidationException(List.of(FieldProblem.of("reason", "validation.required")));
        }
        setPublication(id, Publication.CANCELLED);
        events.publishEvent(new OfferingEvents.OfferingCancelled(id, LocalDate.now(clock.withZone(SEOUL)),
                reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip()));
    }

    @PreAuthorize(STAFF)
    public void unpublish(OfferingId id) {
        setPublication(id, Publication.DRAFT);
    }

    /** Copies an offering into another term as a draft, moving its dates and recruitment by the terms' offset. */
    @PreAuthorize(STAFF)
    public OfferingId copyOffering(OfferingId id, TermId toTerm) {
        Offering source = offerings.findById(id.value()).map(CatalogMapping::offering)
                .orElseThrow(() -> new CatalogValidationException(List.of(FieldProblem.of("id", "validation.unknown"))));
        return saveOffering(shifted(source, toTerm));
    }

    /** Copies every offering of a term that is not cancelled into another term as drafts. */
    @PreAuthorize(STAFF)
    public TermCopyResult copyTerm(TermId from, TermId to) {
        List<OfferingId> created = new ArrayList<>();
        Map<OfferingId, List<FieldProblem>> failed = new LinkedHashMap<>();
        for (OfferingDocument doc : offerings.inTerm(from.value())) {
            Offering source = CatalogMapping.offering(doc);
            if (source.publication() == Publication.CANCELLED) {
                continue;
            }
            try {
                created.add(saveOffering(shifted(source, to)));
            } catch (CatalogValidationException e) {
                failed.put(source.id(), e.problems());
            }
        }
        log.info("Term {} copied to {} by {}: {} created, {} not copied", from.value(), to.value(), who(),
                created.size(), failed.size());
        return new TermCopyResult(created, failed);
    }

    // ---- rules ---------------------------------------------------------------------------------------

    private OfferingDraft shifted(Offering source, TermId toTerm) {
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

    private Offering validated(OfferingDraft d, Offering existing) {
        List<FieldProblem> problems = new ArrayList<>();
        Program program = existingOne(problems, "programId", d.programId(),
                id -> programs.findById(id.value()).map(CatalogMapping::program));
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
                sessions = SessionCalendar.plan(schedule, program.branchId().value(), holidays,
                        closures.endingOnOrAfter(d.firstDate())).sessionDates();
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
        OfferingId id = existing != null ? existing.id() : new OfferingId(newId("off"));
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

    private void setPublication(OfferingId id, Publication publication) {
        Offering o = offerings.findById(id.value()).map(CatalogMapping::offering)
                .orElseThrow(() -> new CatalogValidationException(List.of(FieldProblem.of("id", "validation.unknown"))));
        offerings.save(CatalogMapping.document(new Offering(o.id(), o.program(), o.termId(), o.roomId(), o.schedule(),
                o.sessionDates(), o.capacity(), o.seatsTaken(), o.waitlistLength(), publication, o.recruitment()),
                clock.instant()));
        log.info("Offering {} set to {} by {}", id.value(), publication, who());
    }

    private static void checkDates(List<FieldProblem> problems, String firstField, LocalDate first, String lastField,
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

    private static void require(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new CatalogValidationException(problems);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private boolean isStaff() {
        return currentUser.hasRole(Role.STAFF) || currentUser.hasRole(Role.ADMIN);
    }

    private String who() {
        return currentUser.get().map(u -> u.getUsername()).orElse("system");
    }
}
