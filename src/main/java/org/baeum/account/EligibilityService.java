package org.baeum.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baeum.account.internal.AccountRepository;
import org.baeum.account.internal.EligibilityClaimDocument.StepDocument;
import org.baeum.account.internal.EligibilityClaimDocument;
import org.baeum.account.internal.EligibilityClaimRepository;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Fee-reduction eligibility (수강료 감면): citizens declare a category for themself or a dependant; staff approve
 * (with a validity end date) or reject (with a reason the citizen sees); ADMIN sets the categories and rates
 * ({@link FeeReductionCategories}). The elderly category comes from the account holder's own birth date; for a
 * dependant it needs an approved claim, filed when a 65+ dependant is added or declared for one later
 * ({@link ElderlyReview}). Fees use verified reductions only ({@link #reductionsFor}).
 */
@Service
public class EligibilityService {

    private static final Logger log = LoggerFactory.getLogger(EligibilityService.class);
    /** The longest validity staff may grant at once. */
    public static final int MAX_VALIDITY_YEARS = 5;

    private final EligibilityClaimRepository claims;
    private final FeeReductionCategories categories;
    private final HouseholdService households;
    private final CurrentUser currentUser;
    private final AccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final AccountRepository accounts;
    private final Clock clock;

    EligibilityService(EligibilityClaimRepository claims, FeeReductionCategories categories,
                       HouseholdService households, CurrentUser currentUser, AccessLog accessLog,
                       ApplicationEventPublisher events, AccountRepository accounts, Clock clock) {
        this.claims = claims;
        this.accounts = accounts;
        this.categories = categories;
        this.households = households;
        this.currentUser = currentUser;
        this.accessLog = accessLog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Declares that one of the caller's household belongs to a category.
     *
     * @throws InvalidInputException at {@code category} (unknown, not declarable, already open) or {@code note}
     * @throws AccessDeniedException when the participant is not of the caller's household
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public EligibilityClaim declare(ParticipantId participantId, String categoryCode, String note) {
        BaeumUser user = currentUser.require();
        Participant participant = households.participant(participantId);
        if (!participant.household().value().equals(user.accountId()) || !participant.active()) {
            throw new AccessDeniedException("Not your household");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<FeeReductionCategory> category = categories.category(categoryCode == null ? "" : categoryCode);
        boolean elderly = FeeReductionCategory.ELDERLY.equals(categoryCode);
        if (elderly && category.isPresent() && category.get().active()) {
            // the elderly reduction is declared only for a dependant who is 65 or older (staff check the birth date)
            if (!ElderlyReview.declarable(participant, LocalDate.now(clock))) {
                problems.add(FieldProblem.of("category", "eligibility.elderly.notDeclarable", Ages.ELDERLY));
            }
        } else if (category.isEmpty() || !category.get().active() || !category.get().declarable()) {
            problems.add(FieldProblem.of("category", "eligibility.category.invalid"));
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > AccountRules.NOTE_MAX) {
            problems.add(FieldProblem.of("note", "eligibility.note.tooLong", AccountRules.NOTE_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String openKey = participantId.value() + ":" + categoryCode;
        EligibilityClaimDocument doc = new EligibilityClaimDocument(UUID.randomUUID().toString(), user.accountId(),
                participantId.value(), participant.name(), categoryCode, n, EligibilityStatus.PENDING, clock.instant(),
                null, null, openKey, List.of(step(user, EligibilityStatus.PENDING, n)));
        for (int attempt = 0; ; attempt++) {
            try {
                claims.insert(doc);
                break;
            } catch (DuplicateKeyException e) {
                // An approved claim past its end date no longer blocks a new declaration: close it, then try again.
                Optional<EligibilityClaimDocument> open = claims.findOpen(openKey);
                boolean closed = attempt == 0 && open.isPresent()
                        && open.get().status() == EligibilityStatus.APPROVED && open.get().validUntil() != null
                        && LocalDate.now(clock).isAfter(open.get().validUntil())
                        && claims.transition(open.get().id(), EligibilityStatus.APPROVED, EligibilityStatus.EXPIRED,
                        null, null, false, step(null, EligibilityStatus.EXPIRED, null), null).isPresent();
                if (!closed) {
                    throw InvalidInputException.of("category", "eligibility.alreadyOpen");
                }
            }
        }
        log.info("Account {} declared {} for participant {} (claim {})", user.accountId(), categoryCode,
                participantId.value(), doc.id());
        return toClaim(doc);
    }

    /** Withdraws one of the caller's pending claims. */
    @PreAuthorize("hasRole('CITIZEN')")
    public void withdraw(String claimId) {
        BaeumUser user = currentUser.require();
        EligibilityClaimDocument claim = claims.findById(claimId)
                .filter(c -> c.householdId().equals(user.accountId()))
                .orElseThrow(() -> new AccessDeniedException("Not your claim"));
        claims.transition(claim.id(), EligibilityStatus.PENDING, EligibilityStatus.WITHDRAWN, null, null, false,
                step(user, EligibilityStatus.WITHDRAWN, null), null)
                .orElseThrow(() -> InvalidInputException.of("claim", "eligibility.notPending"));
        log.info("Account {} withdrew claim {}", user.accountId(), claimId);
    }

    /** The caller's household's claims, newest first, with the status as of today. */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<EligibilityClaim> myClaims() {
        return claims.findByHousehold(currentUser.require().accountId()).stream().map(this::toClaim).toList();
    }

    /** Pending claims, oldest first: staff's queue. Lists show masked names; {@link #claimForReview} the full record. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<EligibilityClaim> queue(int offset, int limit) {
        return claims.pageByStatus(EligibilityStatus.PENDING, offset, Math.min(limit, 500)).stream().map(this::toClaim).toList();
    }

    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public long queueSize() {
        return claims.countByStatus(EligibilityStatus.PENDING);
    }

    /** One claim with the participant's full record, for a decision; the opening is written to the access log. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public ClaimReview claimForReview(String claimId) {
        EligibilityClaimDocument claim = claims.findById(claimId).orElseThrow(() -> new AccessDeniedException("No such claim"));
        accessLog.record(AccessAction.VIEW_ELIGIBILITY, claim.householdId(), "claim " + claimId);
        return new ClaimReview(toClaim(claim), households.participant(new ParticipantId(claim.participantId())));
    }

    /** A claim and the participant it is for. */
    public record ClaimReview(EligibilityClaim claim, Participant participant) {
    }

    /**
     * Approves a pending claim until {@code validUntil} (inclusive).
     *
     * @throws InvalidInputException at {@code validUntil} (missing, past, more than five years) or {@code claim}
     *                               (decided meanwhile by someone else)
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public EligibilityClaim approve(String claimId, LocalDate validUntil, String note) {
        LocalDate today = LocalDate.now(clock);
        if (validUntil == null) {
            throw InvalidInputException.of("validUntil", "eligibility.validUntil.required");
        }
        if (validUntil.isBefore(today) || validUntil.isAfter(today.plusYears(MAX_VALIDITY_YEARS))) {
            throw InvalidInputException.of("validUntil", "eligibility.validUntil.range", MAX_VALIDITY_YEARS);
        }
        return decide(claimId, EligibilityStatus.APPROVED, validUntil, null, blankToNull(note));
    }

    /**
     * Rejects a pending claim with a reason the citizen reads.
     *
     * @throws InvalidInputException at {@code reason} (missing, too long) or {@code claim} (already decided)
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public EligibilityClaim reject(String claimId, String reason) {
        String r = blankToNull(reason);
        if (r == null) {
            throw InvalidInputException.of("reason", "eligibility.reason.required");
        }
        if (r.length() > AccountRules.NOTE_MAX) {
            throw InvalidInputException.of("reason", "eligibility.note.tooLong", AccountRules.NOTE_MAX);
        }
        return decide(claimId, EligibilityStatus.REJECTED, null, r, r);
    }

    private EligibilityClaim decide(String claimId, EligibilityStatus to, LocalDate validUntil, String reason, String text) {
        BaeumUser user = currentUser.require();
        EligibilityClaimDocument before = claims.findById(claimId).orElseThrow(() -> new AccessDeniedException("No such claim"));
        if (to == EligibilityStatus.APPROVED) {
            accounts.markReductionClaims(before.householdId()); // before the approval is stored (decision 0060)
        }
        EligibilityClaimDocument after = claims.transition(claimId, EligibilityStatus.PENDING, to, validUntil, reason,
                        to == EligibilityStatus.APPROVED, step(user, to, text), null)
                .orElseThrow(() -> InvalidInputException.of("claim", "eligibility.notPending"));
        accessLog.record(AccessAction.DECIDE_ELIGIBILITY, before.householdId(), to + " claim " + claimId);
        log.info("{} {} claim {} ({} for participant {})", user.getUsername(), to, claimId, before.category(),
                before.participantId());
        events.publishEvent(new AccountEvents.EligibilityDecided(claimId, new ParticipantId(before.participantId()),
                before.category(), to));
        return toClaim(after);
    }

    /** A household's claims for staff helping at the desk; written to the access log. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<EligibilityClaim> claimsOf(AccountId household) {
        accessLog.record(AccessAction.VIEW_ELIGIBILITY, household.value(), "claims of household");
        return claims.findByHousehold(household.value()).stream().map(this::toClaim).toList();
    }

    /**
     * The reductions that apply to a participant on a day: approved claims still valid, and the elderly rule (65 or
     * older on that day). Inactive categories give none. A citizen may ask for their own household only.
     */
    @PreAuthorize("isAuthenticated()")
    public List<FeeReduction> reductionsFor(ParticipantId participantId, LocalDate day) {
        return reductions(households.participant(participantId), day);
    }

    /**
     * The single best reduction for a participant that the caller has already looked up through
     * {@link HouseholdService#participant} (saves reading it again on the enrolment path). A citizen may ask for their
     * own household only.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<FeeReduction> bestReductionFor(Participant participant, LocalDate day) {
        var user = currentUser.require();
        boolean staff = user.hasRole(org.baeum.base.security.Role.STAFF) || user.hasRole(org.baeum.base.security.Role.ADMIN);
        if (!staff && !participant.household().value().equals(user.accountId())) {
            throw new org.springframework.security.access.AccessDeniedException("Not your household");
        }
        return reductions(participant, day).stream().max(Comparator.comparingInt(FeeReduction::ratePercent));
    }

    /**
     * The participant's approved claims; none without a read when the household's account, as this request read it
     * with its bearer token, has never had one approved (decision 0060: marked before any approval is stored).
     */
    private List<EligibilityClaimDocument> approvedClaims(Participant participant) {
        boolean never = accounts.readInThisRequest(participant.household().value())
                .map(org.baeum.account.internal.AccountDocument::noReductionClaims).orElse(false);
        return never ? List.of() : claims.findByParticipant(participant.id().value(), EligibilityStatus.APPROVED);
    }

    private List<FeeReduction> reductions(Participant participant, LocalDate day) {
        Map<String, FeeReductionCategory> byCode = new LinkedHashMap<>();
        categories.categories().stream().filter(FeeReductionCategory::active).forEach(c -> byCode.put(c.code(), c));
        List<FeeReduction> result = new ArrayList<>();
        for (EligibilityClaimDocument c : approvedClaims(participant)) {
            FeeReductionCategory category = byCode.get(c.category());
            boolean elderlyAge = !FeeReductionCategory.ELDERLY.equals(c.category()) || participant.ageOn(day) >= Ages.ELDERLY;
            if (category != null && c.validUntil() != null && !day.isAfter(c.validUntil()) && elderlyAge) {
                result.add(new FeeReduction(category.code(), category.nameKo(), category.nameEn(), category.ratePercent()));
            }
        }
        FeeReductionCategory elderly = byCode.get(FeeReductionCategory.ELDERLY);
        // a dependant's birth date is the household's word: their elderly reduction comes from an approved claim above
        if (elderly != null && !ElderlyReview.needsReview(participant) && participant.birthDate() != null
                && participant.ageOn(day) >= Ages.ELDERLY) {
            result.add(new FeeReduction(elderly.code(), elderly.nameKo(), elderly.nameEn(), elderly.ratePercent()));
        }
        return result;
    }

    /** The single best reduction (the highest rate), if any. */
    @PreAuthorize("isAuthenticated()")
    public Optional<FeeReduction> bestReductionFor(ParticipantId participantId, LocalDate day) {
        return reductionsFor(participantId, day).stream().max(Comparator.comparingInt(FeeReduction::ratePercent));
    }

    private EligibilityClaim toClaim(EligibilityClaimDocument d) {
        EligibilityStatus status = EligibilityClaim.statusOn(d.status(), d.validUntil(), LocalDate.now(clock));
        return new EligibilityClaim(d.id(), new AccountId(d.householdId()), new ParticipantId(d.participantId()),
                d.participantName(), d.category(), d.note(), status, d.declaredAt(), d.validUntil(), d.reason(),
                d.history() == null ? List.of() : d.history().stream().map(s -> new EligibilityClaim.Step(s.at(),
                        s.byAccountId(), s.byName(), s.status(), s.text())).toList());
    }

    private StepDocument step(BaeumUser user, EligibilityStatus status, String text) {
        return new StepDocument(clock.instant(), user == null ? "system" : user.accountId(),
                user == null ? "system" : user.displayName(), status, text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
