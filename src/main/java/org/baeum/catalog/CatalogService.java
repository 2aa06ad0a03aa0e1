package org.baeum.catalog;

import org.baeum.base.domain.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.capacity.CapacityLedger;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.internal.BranchRepository;
import org.baeum.catalog.internal.CatalogMapping;
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
 * what is published; STAFF and ADMIN plan (create, edit, publish; {@link TermCopies} copies a plan into another
 * term). Every save is validated in full first and stores nothing when anything is wrong.
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
    private final PlanningRules rules;
    private final DaysOff daysOff;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CapacityLedger seats;
    private final ApplicationEventPublisher events;

    CatalogService(BranchRepository branches, ProgramRepository programs, TermRepository terms,
                   OfferingRepository offerings, PlanningRules rules, DaysOff daysOff,
                   CurrentUser currentUser, Clock clock, CapacityLedger seats, ApplicationEventPublisher events) {
        this.seats = seats;
        this.events = events;
        this.branches = branches;
        this.programs = programs;
        this.terms = terms;
        this.offerings = offerings;
        this.rules = rules;
        this.daysOff = daysOff;
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

    /**
     * The offerings the calling instructor teaches (their account id among the program's instructors) that end on or
     * after the day, published ones only, by first session day.
     */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public List<Offering> taughtByMe(LocalDate endingOnOrAfter) {
        String me = currentUser.require().accountId();
        return offerings.activeForInstructors(List.of(me), endingOnOrAfter).stream().map(CatalogMapping::offering)
                .filter(o -> o.publication() == Publication.PUBLISHED)
                .sorted(java.util.Comparator.comparing(Offering::ageDay)).toList();
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
        PlanningRules.require(problems, "nameKo", draft.nameKo());
        if (draft.type() == null) {
            problems.add(FieldProblem.of("type", "validation.required"));
        }
        PlanningRules.checkDates(problems, "startDate", draft.startDate(), "endDate", draft.endDate());
        PlanningRules.throwIfAny(problems);
        TermId id = draft.id() != null ? draft.id() : new TermId(PlanningRules.newId("term"));
        terms.save(CatalogMapping.document(new Term(id, draft.nameKo().strip(), blankToNull(draft.nameEn()),
                draft.type(), draft.startDate(), draft.endDate())));
        log.info("Term {} saved by {}", id.value(), who());
        return id;
    }

    /** Creates or updates a program; its offerings take over the new texts, fee and attributes. */
    @PreAuthorize(STAFF)
    public ProgramId saveProgram(ProgramDraft draft) {
        PlanningRules.throwIfAny(rules.programProblems(draft));
        ProgramId id = draft.id() != null ? draft.id() : new ProgramId(PlanningRules.newId("prog"));
        Program program = new Program(id, draft.titleKo().strip(), blankToNull(draft.titleEn()),
                blankToNull(draft.descriptionKo()), blankToNull(draft.descriptionEn()), draft.domain(), draft.audience(),
                draft.kind(), draft.minAge(), draft.maxAge(), draft.branchId(), draft.instructors(), draft.fee(),
                draft.feeReductionsApply(), draft.format(), draft.accessibility(), blankToNull(draft.accessibilityNoteKo()),
                blankToNull(draft.accessibilityNoteEn()), draft.classification(), blankToNull(draft.whatToBringKo()),
                blankToNull(draft.whatToBringEn()));
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

    /**
     * Creates or updates an offering after checking everything; a new one starts as a draft, with the draft's id when
     * it has one that is not stored yet (the spreadsheet import's {@code imp-<code>}, decision 0041), else a new one.
     */
    @PreAuthorize(STAFF)
    public OfferingId saveOffering(OfferingDraft draft) {
        Offering existing = draft.id() == null ? null
                : offerings.findById(draft.id().value()).map(CatalogMapping::offering).orElse(null);
        Offering offering = rules.validated(draft, existing);
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

    /**
     * Makes the offering recruit through a recruitment round (issue 15): its phases become the round's, one for one
     * (RE_REGISTRATION, RESERVED, LOTTERY, FIRST_COME), so nobody can take a seat first come before the round's
     * first-come phase. The one way the methods staff cannot plan ({@link RecruitmentMethod#plannable()}) get onto an
     * offering; the round checked its phases (in order, none overlapping).
     *
     * @throws CatalogValidationException at {@code id} for an unknown offering; nothing changes
     */
    @PreAuthorize(STAFF)
    public void recruitThroughRound(OfferingId id, Recruitment recruitment) {
        java.util.Objects.requireNonNull(recruitment, "recruitment");
        if (!offerings.replaceRecruitment(id.value(), recruitment, clock.instant())) {
            throw new CatalogValidationException(List.of(FieldProblem.of("id", "validation.unknown")));
        }
        log.info("Offering {} recruits through a round from {} to {} ({}) by {}", id.value(), recruitment.opensAt(),
                recruitment.closesAt(), recruitment.phases().stream().map(p -> p.method().name()).toList(), who());
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

    // ---- helpers -------------------------------------------------------------------------------------

    private void setPublication(OfferingId id, Publication publication) {
        if (!offerings.setPublication(id.value(), publication, clock.instant())) {
            throw new CatalogValidationException(List.of(FieldProblem.of("id", "validation.unknown")));
        }
        log.info("Offering {} set to {} by {}", id.value(), publication, who());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private boolean isStaff() {
        return currentUser.hasRole(Role.STAFF) || currentUser.hasRole(Role.ADMIN);
    }

    private String who() {
        return currentUser.get().map(u -> u.getUsername()).orElse("system");
    }
}
