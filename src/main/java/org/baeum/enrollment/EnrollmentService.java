package org.baeum.enrollment;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.Account;
import org.baeum.account.AccountEvents;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.domain.Masking;
import org.baeum.base.domain.PersonalDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SignedLinks;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingEvents;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Publication;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.internal.CapRepository;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentEngine;
import org.baeum.enrollment.internal.EnrollmentMail;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.enrollment.internal.EnrollmentSettings;
import org.baeum.enrollment.internal.OfferingRulesRepository;
import org.baeum.enrollment.internal.TaskRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The enrolment feature's API (수강신청): citizens enrol a member of their household, join the waitlist, answer
 * offers and cancel; STAFF do the same for a citizen at the desk (assisted, written to the access log), work the
 * roster and waitlist of an offering, record payments and set the offering's hold and payment deadline; ADMIN sets
 * per-term caps. Every method checks the caller; a citizen only ever sees and changes their own household's
 * entries. The seat decisions themselves are in {@link EnrollmentEngine}.
 */
@Service
public class EnrollmentService implements PersonalDataContributor {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentService.class);
    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";
    private static final int MAX_KEY_LENGTH = 100;

    private final EnrollmentEngine engine;
    private final EnrollmentRepository enrollments;
    private final OfferingRulesRepository offeringRules;
    private final CapRepository caps;
    private final TaskRepository tasks;
    private final CatalogService catalog;
    private final SeatLedger seats;
    private final HouseholdService households;
    private final AccountService accounts;
    private final AccessLog accessLog;
    private final SignedLinks links;
    private final CurrentUser currentUser;
    private final EnrollmentSettings settings;
    private final Clock clock;

    EnrollmentService(EnrollmentEngine engine, EnrollmentRepository enrollments, OfferingRulesRepository offeringRules,
                      CapRepository caps, TaskRepository tasks, CatalogService catalog, SeatLedger seats,
                      HouseholdService households, AccountService accounts, AccessLog accessLog, SignedLinks links,
                      CurrentUser currentUser, EnrollmentSettings settings, Clock clock) {
        this.engine = engine;
        this.enrollments = enrollments;
        this.offeringRules = offeringRules;
        this.caps = caps;
        this.tasks = tasks;
        this.catalog = catalog;
        this.seats = seats;
        this.households = households;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.links = links;
        this.currentUser = currentUser;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- citizens ------------------------------------------------------------------------------------

    /**
     * What the participant (the caller or one of their dependants; {@code null} for the caller) can do about the
     * offering now, with the fee and clash warnings; clashing classes are named in {@code language} (the page's; the
     * language saved at sign-in when {@code null}).
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public Preview preview(OfferingId offeringId, ParticipantId participantId, Locale language) {
        Participant p = households.participant(participantOrSelf(participantId));
        return previewFor(offering(offeringId), p, accounts.myEmailVerified(), language);
    }

    /**
     * Enrols the participant ({@code null}: the caller) or puts them on the waitlist. {@code idempotencyKey} (one per
     * click or API request) makes a replay return the first answer and change nothing.
     *
     * @throws EnrollmentRefusedException when the rules refuse (nothing stored)
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public Enrollment enrol(OfferingId offeringId, ParticipantId participantId, String idempotencyKey) {
        BaeumUser user = currentUser.require();
        String key = cleanKey(idempotencyKey);
        ParticipantId who = participantOrSelf(participantId);
        // one read for the first answer to this key and for an entry the participant already has here
        EnrollmentRepository.Lookup found = engine.lookup(user.accountId(), key, offeringId, who.value());
        if (found.replay().isPresent()) {
            return answer(found.replay().get());
        }
        Participant p;
        boolean verified;
        if (who.value().equals(user.accountId())) {
            Account me = accounts.myAccount(); // the caller: one read for participant and confirmed email
            p = me.asParticipant();
            verified = me.emailVerified();
        } else {
            p = households.participant(who); // refuses another household's dependant
            verified = accounts.myEmailVerified();
        }
        if (!p.active()) {
            throw new AccessDeniedException("Removed dependant");
        }
        if (found.active().isPresent()) {
            throw new EnrollmentRefusedException(Reason.ALREADY);
        }
        Offering o = offering(offeringId);
        checkRules(o, p, verified, false);
        return answer(engine.enrol(new EnrollmentEngine.Command(o, p, key, user.accountId(), false, true)));
    }

    /** The caller's household's entries, newest first. */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<Enrollment> myEnrollments() {
        return enrollments.ofHousehold(currentUser.require().accountId(), 500).stream()
                .map(engine::expireIfLapsed).map(d -> toEnrollment(d, false)).toList();
    }

    /** One entry: the citizen's own household's, or any for STAFF. */
    @PreAuthorize("isAuthenticated()")
    public Enrollment enrollment(EnrollmentId id) {
        EnrollmentDocument e = owned(id);
        return toEnrollment(e, false);
    }

    /**
     * Cancels: an enrolment (citizens until the cut-off before the first session, STAFF at any time with a reason),
     * a waitlist entry (leaves the line), or an offer (the citizen declines it; STAFF withdraw it with a reason, which
     * is recorded as WITHDRAWN with who and why, and mailed). A freed seat goes to the waitlist.
     */
    @PreAuthorize("isAuthenticated()")
    public Enrollment cancel(EnrollmentId id, String reason) {
        EnrollmentDocument e = owned(id);
        refuseIfOfferRanOut(e);
        BaeumUser user = currentUser.require();
        boolean staff = isStaff(user);
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > 500) {
            note = note.substring(0, 500);
        }
        if (staff && !ownHousehold(user, e) && note == null) {
            throw new EnrollmentRefusedException(Reason.REASON_REQUIRED);
        }
        if (staff && !ownHousehold(user, e)) {
            accessLog.record(AccessAction.ASSISTED_ACTION, e.householdId(), "cancel " + e.id() + ": " + note);
        }
        String by = user.accountId();
        String finalNote = note;
        EnrollmentDocument ended = switch (e.status()) {
            case WAITLISTED -> engine.leave(e, by, finalNote);
            case OFFERED -> staff && !ownHousehold(user, e)
                    ? engine.endHolding(e, EnrollmentStatus.WITHDRAWN, "enrollment.reason.withdrawn", by, finalNote, null)
                    : engine.endHolding(e, EnrollmentStatus.DECLINED, "enrollment.reason.declined", by, finalNote, null);
            case ENROLLED -> {
                Offering o = offering(new OfferingId(e.offeringId()));
                if (!staff && !clock.instant().isBefore(cancelCutoff(o))) {
                    throw new EnrollmentRefusedException(Reason.CANCEL_CUTOFF, cancelCutoff(o));
                }
                yield engine.endHolding(e, EnrollmentStatus.CANCELLED,
                        staff && !ownHousehold(user, e) ? "enrollment.reason.staff" : "enrollment.reason.citizen", by,
                        finalNote, null);
            }
            default -> throw new EnrollmentRefusedException(Reason.WRONG_STATE);
        };
        return toEnrollment(ended, false);
    }

    /** The refund a cancellation now would give, for the confirmation dialog. */
    @PreAuthorize("isAuthenticated()")
    public long refundIfCancelledNow(EnrollmentId id) {
        EnrollmentDocument e = owned(id);
        if (e.status() != EnrollmentStatus.ENROLLED || e.payment() != PaymentState.PAID) {
            return 0;
        }
        Offering o = offering(new OfferingId(e.offeringId()));
        return new RefundPolicy(settings.refundDeductionPercent()).refund(e.amount(),
                o.sessionDates().stream().map(d -> d.atTime(o.schedule().startTime()).atZone(Formats.SEOUL).toInstant()).toList(),
                clock.instant());
    }

    /** Until when a citizen can cancel online. */
    @PreAuthorize("permitAll()")
    public Instant cancelCutoff(Offering o) {
        if (o.sessionDates().isEmpty()) {
            return o.recruitment().closesAt();
        }
        return o.sessionDates().getFirst().atTime(o.schedule().startTime()).atZone(Formats.SEOUL).toInstant()
                .minus(settings.citizenCancelCutoff());
    }

    /**
     * Accepts a held offer (the citizen's own, or STAFF for them) before its deadline; after it the offer is over,
     * even while the expiry job has not ended it yet.
     */
    @PreAuthorize("isAuthenticated()")
    public Enrollment acceptOffer(EnrollmentId id) {
        EnrollmentDocument e = owned(id);
        if (e.status() != EnrollmentStatus.OFFERED) {
            throw new EnrollmentRefusedException(Reason.WRONG_STATE);
        }
        refuseIfOfferRanOut(e);
        logIfAssisted(e, "accept offer " + e.id());
        return toEnrollment(engine.accept(e.id(), currentUser.require().accountId()), false);
    }

    /** Declines a held offer before its deadline; the seat goes to the next in line. */
    @PreAuthorize("isAuthenticated()")
    public Enrollment declineOffer(EnrollmentId id) {
        EnrollmentDocument e = owned(id);
        if (e.status() != EnrollmentStatus.OFFERED) {
            throw new EnrollmentRefusedException(Reason.WRONG_STATE);
        }
        refuseIfOfferRanOut(e);
        logIfAssisted(e, "decline offer " + e.id());
        return toEnrollment(engine.endHolding(e, EnrollmentStatus.DECLINED, "enrollment.reason.declined",
                currentUser.require().accountId(), null, null), false);
    }

    // ---- the links in offer mail ---------------------------------------------------------------------

    /** What an offer link leads to, before the person presses the button. */
    public record OfferLink(LinkState state, Enrollment enrollment) {
    }

    /**
     * Where an offer link stands: READY (show the button), DONE, ALREADY_ANSWERED, TOO_LATE (the offer's deadline
     * passed), EXPIRED (the link's own time ran out), USED, INVALID.
     */
    public enum LinkState { READY, DONE, ALREADY_ANSWERED, TOO_LATE, EXPIRED, USED, INVALID }

    /** Checks an accept or decline link without using it; the page shows the offer and one button. */
    @PreAuthorize("permitAll()")
    public OfferLink checkOfferLink(String token, boolean accept) {
        SignedLinks.Check check = links.check(accept ? EnrollmentMail.ACCEPT : EnrollmentMail.DECLINE, token);
        if (!check.valid()) {
            return new OfferLink(outcome(check.status()), null);
        }
        Optional<EnrollmentDocument> e = enrollments.findById(check.claims().subject());
        if (e.isEmpty()) {
            return new OfferLink(LinkState.INVALID, null);
        }
        Enrollment shown = toEnrollment(e.get(), true);
        if (e.get().status() != EnrollmentStatus.OFFERED) {
            return new OfferLink(LinkState.ALREADY_ANSWERED, shown);
        }
        if (offerRanOut(e.get())) { // the expiry job ends it soon; the offer is over now
            return new OfferLink(LinkState.TOO_LATE, shown);
        }
        return new OfferLink(LinkState.READY, shown);
    }

    /**
     * Accepts or declines through the link in the offer mail: the signed link is the proof (it names the entry and
     * can be used once), so no sign-in is needed, as for the other mail links.
     */
    @PreAuthorize("permitAll()")
    public OfferLink respondByLink(String token, boolean accept) {
        SignedLinks.Check check = links.check(accept ? EnrollmentMail.ACCEPT : EnrollmentMail.DECLINE, token);
        if (!check.valid()) {
            return new OfferLink(outcome(check.status()), null);
        }
        String id = check.claims().subject();
        EnrollmentDocument e = enrollments.findById(id).orElse(null);
        if (e == null) {
            return new OfferLink(LinkState.INVALID, null);
        }
        if (e.status() != EnrollmentStatus.OFFERED) {
            return new OfferLink(LinkState.ALREADY_ANSWERED, toEnrollment(e, true));
        }
        if (offerRanOut(e)) {
            return new OfferLink(LinkState.TOO_LATE, toEnrollment(e, true));
        }
        SignedLinks.Check used = links.use(accept ? EnrollmentMail.ACCEPT : EnrollmentMail.DECLINE, token);
        if (!used.valid()) {
            return new OfferLink(outcome(used.status()), null);
        }
        EnrollmentDocument[] result = {null};
        RuntimeException[] failure = {null};
        SystemIdentity.run(() -> {
            try {
                result[0] = accept ? engine.accept(id, e.householdId())
                        : engine.endHolding(e, EnrollmentStatus.DECLINED, "enrollment.reason.declined", e.householdId(),
                        null, null);
            } catch (EnrollmentRefusedException refused) {
                failure[0] = refused;
            }
        });
        if (failure[0] != null) {
            return new OfferLink(LinkState.TOO_LATE, toEnrollment(enrollments.findById(id).orElse(e), true));
        }
        log.info("Enrolment {}: offer {} through the mail link", id, accept ? "accepted" : "declined");
        return new OfferLink(LinkState.DONE, toEnrollment(result[0], true));
    }

    private static LinkState outcome(SignedLinks.Status status) {
        return switch (status) {
            case EXPIRED -> LinkState.EXPIRED;
            case USED -> LinkState.USED;
            default -> LinkState.INVALID;
        };
    }

    // ---- staff at the desk ---------------------------------------------------------------------------

    /**
     * What the participant can do, for STAFF helping them (the email check does not apply at the desk); clashing
     * classes are named in {@code language} (the page's; the staff member's saved language when {@code null}).
     */
    @PreAuthorize(STAFF)
    public Preview previewFor(OfferingId offeringId, ParticipantId participantId, Locale language) {
        Participant p = households.participant(participantId);
        return previewFor(offering(offeringId), p, true, language);
    }

    /**
     * Enrols (or waitlists) a participant for a citizen who phones or walks in, under the same rules, recorded as
     * done by the staff member (history and access log). Staff confirm the person at the desk, so the email check
     * does not apply.
     */
    @PreAuthorize(STAFF)
    public Enrollment enrolFor(ParticipantId participantId, OfferingId offeringId, String idempotencyKey) {
        BaeumUser user = currentUser.require();
        Participant p = households.participant(participantId);
        String key = cleanKey(idempotencyKey);
        Optional<EnrollmentDocument> replayed = engine.replay(p.household().value(), key);
        if (replayed.isPresent()) {
            return answer(replayed.get());
        }
        if (!p.active()) {
            throw new EnrollmentRefusedException(Reason.NOT_ELIGIBLE);
        }
        Offering o = offering(offeringId);
        checkRules(o, p, true, false);
        accessLog.record(AccessAction.ASSISTED_ACTION, p.household().value(), "enrol " + p.id().value() + " in " + offeringId.value());
        return answer(engine.enrol(new EnrollmentEngine.Command(o, p, key, user.accountId(), true)));
    }

    /**
     * A citizen's household entries for STAFF opening them at the desk (names in full): each opening is written to
     * the access log once. The open page reads the list again after an action with {@link #enrollmentsOf}, which is
     * not logged again, so the log says who opened whose enrolments when, not how often a grid was redrawn.
     *
     * @throws AccessDeniedException when the account is not a citizen's (staff-side or unknown)
     */
    @PreAuthorize(STAFF)
    public List<Enrollment> openEnrollmentsOf(AccountId household) {
        requireCitizen(household);
        accessLog.record(AccessAction.VIEW_PROFILE, household.value(), "enrolments");
        return householdEntries(household);
    }

    /**
     * The same list again for a page opened with {@link #openEnrollmentsOf} (after an action there); not logged.
     *
     * @throws AccessDeniedException when the account is not a citizen's (staff-side or unknown)
     */
    @PreAuthorize(STAFF)
    public List<Enrollment> enrollmentsOf(AccountId household) {
        requireCitizen(household);
        return householdEntries(household);
    }

    private void requireCitizen(AccountId household) {
        if (accounts.account(household).filter(org.baeum.account.Account::citizen).isEmpty()) {
            throw new AccessDeniedException("Account " + household.value() + " is not a citizen's account");
        }
    }

    private List<Enrollment> householdEntries(AccountId household) {
        return enrollments.ofHousehold(household.value(), 500).stream().map(d -> toEnrollment(d, false)).toList();
    }

    /** An offering's roster, offers and waitlist in order (names masked), seats and rules. */
    @PreAuthorize(STAFF)
    public OfferingDesk desk(OfferingId offeringId) {
        Offering o = catalog.offering(offeringId).orElseThrow(() -> new EnrollmentRefusedException(Reason.CLOSED));
        SeatLedger.Seats s = seats.counters(offeringId)
                .orElse(new SeatLedger.Seats(o.capacity(), 0, o.capacity(), 0, 0, false));
        List<EnrollmentDocument> all = enrollments.ofOffering(offeringId.value(),
                List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.OFFERED, EnrollmentStatus.WAITLISTED),
                EnrollmentRepository.MAX_LIST);
        List<Enrollment> enrolled = new ArrayList<>();
        List<Enrollment> offers = new ArrayList<>();
        List<Enrollment> waitlist = new ArrayList<>();
        int position = 0;
        for (EnrollmentDocument d : all) {
            switch (d.status()) {
                case ENROLLED -> enrolled.add(toEnrollment(d, true));
                case OFFERED -> offers.add(toEnrollment(d, true));
                case WAITLISTED -> waitlist.add(withPosition(toEnrollment(d, true, false), ++position));
                default -> { }
            }
        }
        return new OfferingDesk(o, s.capacity(), s.taken(), s.left(), enrolled, offers, waitlist, rules(offeringId));
    }

    /**
     * Moves a waiting entry to {@code position} (1 = next in line), with a reason that is kept in its history. The
     * order of everyone else stays as it was.
     */
    @PreAuthorize(STAFF)
    public void moveInWaitlist(EnrollmentId id, int position, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new EnrollmentRefusedException(Reason.REASON_REQUIRED);
        }
        EnrollmentDocument e = enrollments.findById(id.value()).orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        if (e.status() != EnrollmentStatus.WAITLISTED) {
            throw new EnrollmentRefusedException(Reason.WRONG_STATE);
        }
        List<EnrollmentDocument> others = enrollments.waiting(e.offeringId(), EnrollmentRepository.MAX_LIST).stream()
                .filter(d -> !d.id().equals(e.id())).toList();
        int index = Math.max(0, Math.min(position - 1, others.size()));
        double before = index == 0 ? (others.isEmpty() ? 0 : others.getFirst().rank() - 2) : others.get(index - 1).rank();
        double after = index >= others.size() ? before + 2 : others.get(index).rank();
        double rank = (before + after) / 2;
        String by = currentUser.require().accountId();
        enrollments.transition(e.id(), EnrollmentStatus.WAITLISTED, set("rank", rank),
                new org.baeum.enrollment.HistoryItem(clock.instant(), "MOVED", by, "→ " + (index + 1) + ": " + reason.strip()))
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        log.info("Enrolment {}: moved to waitlist position {} of {} by {}", id.value(), index + 1, e.offeringId(), by);
    }

    /** Records a payment at the desk (PAID) or waives the fee (WAIVED). */
    @PreAuthorize(STAFF)
    public Enrollment recordPayment(EnrollmentId id, PaymentState state, String note) {
        if (state != PaymentState.PAID && state != PaymentState.WAIVED) {
            throw new IllegalArgumentException("Only PAID or WAIVED can be recorded");
        }
        EnrollmentDocument e = enrollments.findById(id.value()).orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        String by = currentUser.require().accountId();
        EnrollmentDocument done = enrollments.transition(e.id(), EnrollmentStatus.ENROLLED,
                com.mongodb.client.model.Filters.eq("payment", PaymentState.UNPAID.name()), set("payment", state.name()),
                new org.baeum.enrollment.HistoryItem(clock.instant(), state.name(), by, note == null ? null : note.strip()))
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        log.info("Enrolment {}: payment {} recorded by {}", id.value(), state, by);
        return toEnrollment(done, true);
    }

    @PreAuthorize(STAFF)
    public OfferingRules rules(OfferingId offeringId) {
        return offeringRules.find(offeringId.value()).map(r -> new OfferingRules(
                r.offerHold() == null ? settings.offerHold() : r.offerHold(), r.paymentDeadline()))
                .orElse(new OfferingRules(settings.offerHold(), null));
    }

    /**
     * Sets how long offers hold a seat (1 hour to 7 days) and the payment deadline (optional: later than now and before
     * the first session); unpaid enrolments get their reminder and deadline scheduled. A deadline that has passed may
     * stay as it is while the hold changes, but a new one in the past is refused: it would release every unpaid
     * enrolment at the next sweep.
     *
     * @throws org.baeum.base.domain.InvalidInputException at {@code offerHold} or {@code paymentDeadline}; nothing stored
     */
    @PreAuthorize(STAFF)
    public void saveRules(OfferingId offeringId, OfferingRules rules) {
        List<org.baeum.base.domain.FieldProblem> problems = new ArrayList<>();
        if (rules.offerHold() == null || rules.offerHold().compareTo(Duration.ofHours(1)) < 0
                || rules.offerHold().compareTo(Duration.ofDays(7)) > 0) {
            problems.add(org.baeum.base.domain.FieldProblem.of("offerHold", "enrollment.validation.offerHold"));
        }
        Offering o = offering(offeringId);
        Instant deadline = rules.paymentDeadline();
        if (deadline != null) {
            Instant stored = offeringRules.find(offeringId.value()).map(OfferingRules::paymentDeadline).orElse(null);
            if (!deadline.isAfter(clock.instant()) && !deadline.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).equals(stored)) {
                problems.add(org.baeum.base.domain.FieldProblem.of("paymentDeadline", "enrollment.validation.deadlinePast"));
            } else if (!o.sessionDates().isEmpty() && !deadline.isBefore(EnrollmentEngine.firstStart(o))) {
                problems.add(org.baeum.base.domain.FieldProblem.of("paymentDeadline", "enrollment.validation.deadlineAfterStart"));
            }
        }
        if (!problems.isEmpty()) {
            throw new org.baeum.base.domain.InvalidInputException(problems);
        }
        offeringRules.save(offeringId.value(), rules);
        for (EnrollmentDocument e : enrollments.ofOffering(offeringId.value(), List.of(EnrollmentStatus.ENROLLED),
                EnrollmentRepository.MAX_LIST)) {
            engine.schedulePayment(e);
        }
        log.info("Offering {} enrolment rules set by {}: hold {}, payment deadline {}", offeringId.value(),
                currentUser.require().getUsername(), rules.offerHold(), rules.paymentDeadline());
    }

    // ---- ADMIN: caps ---------------------------------------------------------------------------------

    @PreAuthorize(STAFF)
    public List<CapRule> capRules() {
        return caps.rules();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public CapRule saveCapRule(CapRule rule) {
        List<org.baeum.base.domain.FieldProblem> problems = new ArrayList<>();
        if ((rule.audience() == null) == (rule.domain() == null)) {
            problems.add(org.baeum.base.domain.FieldProblem.of("audience", "enrollment.validation.capScope"));
        }
        if (rule.max() < 1 || rule.max() > 50) {
            problems.add(org.baeum.base.domain.FieldProblem.of("max", "enrollment.validation.capMax"));
        }
        if (!problems.isEmpty()) {
            throw new org.baeum.base.domain.InvalidInputException(problems);
        }
        CapRule saved = new CapRule(rule.id() == null ? "cap-" + java.util.UUID.randomUUID().toString().substring(0, 8)
                : rule.id(), rule.audience(), rule.domain(), rule.max());
        caps.save(saved);
        log.info("Cap rule {} saved by {}: {} {} max {}", saved.id(), currentUser.require().getUsername(),
                saved.audience(), saved.domain(), saved.max());
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void deleteCapRule(String id) {
        caps.delete(id);
        log.info("Cap rule {} deleted by {}", id, currentUser.require().getUsername());
    }

    // ---- jobs ----------------------------------------------------------------------------------------

    /** Due offers, reminders and payment deadlines; run by the job as the system. */
    @PreAuthorize(STAFF)
    public int runDueWork(String owner) {
        return engine.runDueTasks(owner);
    }

    /** The recovery sweep; run by the job as the system. */
    @PreAuthorize(STAFF)
    public int recover() {
        return engine.recover();
    }

    @PreAuthorize(STAFF)
    public long pendingTasks() {
        return tasks.pending();
    }

    @EventListener
    void seatsAdded(OfferingEvents.SeatsAdded added) {
        int made = engine.dispatch(added.offering(), null);
        log.info("Offering {}: {} seat(s) added, {} offer(s) made", added.offering().value(), added.added(), made);
    }

    /** A deleted account: its active entries end (seats go to the waitlist), the rest keeps no personal data. */
    @EventListener
    void accountDeleted(AccountEvents.AccountDeleted deleted) {
        String household = deleted.account().value();
        SystemIdentity.run(() -> {
            for (EnrollmentDocument e : enrollments.ofHousehold(household, EnrollmentRepository.MAX_LIST)) {
                try {
                    switch (e.status()) {
                        case WAITLISTED -> engine.leave(e, EnrollmentEngine.SYSTEM, "account deleted");
                        case ENROLLED, OFFERED -> engine.endHolding(e, e.status() == EnrollmentStatus.OFFERED
                                        ? EnrollmentStatus.DECLINED : EnrollmentStatus.CANCELLED,
                                EnrollmentEngine.ACCOUNT_DELETED, EnrollmentEngine.SYSTEM, null, null);
                        default -> { }
                    }
                } catch (EnrollmentRefusedException changed) {
                    log.info("Enrolment {} changed while the account was deleted", e.id());
                }
            }
        });
        long n = enrollments.anonymise(household);
        log.info("Account {} deleted: {} enrolment(s) anonymised", household, n);
    }

    @Override
    public Map<String, List<Map<String, Object>>> personalData(String householdAccountId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EnrollmentDocument e : enrollments.ofHousehold(householdAccountId, EnrollmentRepository.MAX_LIST)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("offering", e.offeringTitleKo());
            row.put("participant", e.participantName());
            row.put("status", e.status().name());
            row.put("fee", e.amount());
            row.put("reduction", e.reductionCode());
            row.put("payment", e.payment().name());
            row.put("refund", e.refundAmount());
            row.put("createdAt", e.createdAt());
            row.put("enrolledAt", e.enrolledAt());
            row.put("endedAt", e.endedAt());
            row.put("assisted", e.assisted());
            rows.add(row);
        }
        return Map.of("enrolments", rows);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Preview previewFor(Offering o, Participant p, boolean verified, Locale language) {
        Instant now = clock.instant();
        Optional<EnrollmentDocument> active = enrollments.findActive(o.id().value(), p.id().value())
                .map(engine::expireIfLapsed).filter(d -> d.status().active());
        Fee fee = engine.fee(o, p, LocalDate.ofInstant(now, Formats.SEOUL));
        SeatLedger.Seats s = seats.counters(o.id())
                .orElse(new SeatLedger.Seats(o.capacity(), 0, o.capacity(), 0, 0, false));
        if (active.isPresent()) {
            Enrollment e = toEnrollment(active.get(), false);
            Preview.Action action = switch (e.status()) {
                case OFFERED -> Preview.Action.ACCEPT_OFFER;
                case WAITLISTED -> Preview.Action.WAITLISTED;
                default -> Preview.Action.ENROLLED;
            };
            return new Preview(action, o.recruitment().opensAt(), s.waitlistLength(), e.fee(), e, List.of(), null, null);
        }
        List<String> clashes = clashesFor(o, p, language);
        try {
            checkRules(o, p, verified, true);
        } catch (EnrollmentRefusedException refused) {
            if (refused.reason() == Reason.NOT_OPEN) {
                return new Preview(Preview.Action.NOT_OPEN_YET, o.recruitment().opensAt(), s.waitlistLength(), fee, null,
                        clashes, null, null);
            }
            return new Preview(Preview.Action.NOT_POSSIBLE, o.recruitment().opensAt(), s.waitlistLength(), fee, null,
                    clashes, refused.reason(), List.of(refused.arguments()));
        }
        boolean seatForFirstCome = s.left() > 0 && (!s.waitlistDecides() || s.waitlistLength() == 0);
        return new Preview(seatForFirstCome ? Preview.Action.ENROL : Preview.Action.JOIN_WAITLIST,
                o.recruitment().opensAt(), s.waitlistLength(), fee, null, clashes, null, null);
    }

    /**
     * Window, age and audience, email confirmation and caps: the checks before a seat is even looked at. The caps are
     * counted here only for a preview ({@code countCaps}); an enrolment takes its places under the caps atomically in
     * the engine, which refuses in the same way, so counting them first would only cost reads.
     */
    private void checkRules(Offering o, Participant p, boolean verified, boolean countCaps) {
        Instant now = clock.instant();
        if (o.publication() != Publication.PUBLISHED || !now.isBefore(o.recruitment().closesAt())) {
            throw new EnrollmentRefusedException(Reason.CLOSED);
        }
        if (now.isBefore(o.recruitment().opensAt())) {
            throw new EnrollmentRefusedException(Reason.NOT_OPEN, o.recruitment().opensAt());
        }
        if (p.birthDate() == null || !EnrollmentRules.ageFits(o.program(), p.ageOn(EnrollmentRules.ageDay(o)))) {
            throw new EnrollmentRefusedException(Reason.NOT_ELIGIBLE);
        }
        if (!verified) {
            throw new EnrollmentRefusedException(Reason.NOT_VERIFIED);
        }
        if (!countCaps) {
            return;
        }
        List<CapRule> applying = caps.rules().stream()
                .filter(r -> r.appliesTo(o.program().audience(), o.program().domain())).toList();
        if (!applying.isEmpty()) {
            List<Offering> mine = activeOfferings(p, o);
            for (CapRule rule : applying) {
                long count = mine.stream().filter(x -> rule.appliesTo(x.program().audience(), x.program().domain())).count();
                if (count >= rule.max()) {
                    throw new EnrollmentRefusedException(Reason.CAP_REACHED, rule.max());
                }
            }
        }
    }

    private List<Offering> activeOfferings(Participant p, Offering o) {
        return enrollments.activeOfParticipant(p.id().value(), o.termId().value()).stream()
                .map(d -> catalog.offering(new OfferingId(d.offeringId())))
                .flatMap(Optional::stream).toList();
    }

    private List<String> clashesFor(Offering o, Participant p, Locale language) {
        Locale locale = language != null ? language : currentUser.get().map(BaeumUser::language).orElse(Locale.KOREAN);
        return EnrollmentRules.clashes(o, activeOfferings(p, o), locale);
    }

    private Offering offering(OfferingId id) {
        return catalog.offering(id).orElseThrow(() -> new EnrollmentRefusedException(Reason.CLOSED));
    }

    private ParticipantId participantOrSelf(ParticipantId participantId) {
        return participantId != null ? participantId : new ParticipantId(currentUser.require().accountId());
    }

    /** The entry if the caller may see it: their own household's, or any for STAFF (not INSTRUCTOR). */
    private EnrollmentDocument owned(EnrollmentId id) {
        BaeumUser user = currentUser.require();
        EnrollmentDocument e = enrollments.findById(id.value()).orElseThrow(() -> new AccessDeniedException("No such enrolment"));
        if (!ownHousehold(user, e) && !isStaff(user)) {
            log.warn("Account {} was refused enrolment {} of another household", user.accountId(), id.value());
            throw new AccessDeniedException("Not your enrolment");
        }
        return e;
    }

    /** An offer whose deadline has passed is over, whether or not the expiry job has ended it yet. */
    private boolean offerRanOut(EnrollmentDocument e) {
        return e.status() == EnrollmentStatus.OFFERED && e.offerExpiresAt() != null
                && !clock.instant().isBefore(e.offerExpiresAt());
    }

    private void refuseIfOfferRanOut(EnrollmentDocument e) {
        if (offerRanOut(e)) {
            throw new EnrollmentRefusedException(Reason.WRONG_STATE);
        }
    }

    private void logIfAssisted(EnrollmentDocument e, String what) {
        BaeumUser user = currentUser.require();
        if (!ownHousehold(user, e)) {
            accessLog.record(AccessAction.ASSISTED_ACTION, e.householdId(), what);
        }
    }

    private static boolean ownHousehold(BaeumUser user, EnrollmentDocument e) {
        return user.accountId().equals(e.householdId());
    }

    private static boolean isStaff(BaeumUser user) {
        return user.hasRole(Role.STAFF) || user.hasRole(Role.ADMIN);
    }

    private static String cleanKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String k = key.strip();
        if (k.length() > MAX_KEY_LENGTH || !k.matches("[A-Za-z0-9._:-]+")) {
            throw org.baeum.base.domain.InvalidInputException.of("idempotencyKey", "enrollment.validation.idempotencyKey");
        }
        return k;
    }

    private static Fee feeOf(EnrollmentDocument d) {
        return new Fee(d.baseFee(), d.reductionCode(), d.reductionNameKo(), d.reductionNameEn(), d.reductionPercent(),
                d.amount());
    }

    /** An open offer shows what accepting it would charge ({@link EnrollmentEngine#offerFee}); others their own fee. */
    private Fee shownFee(EnrollmentDocument d) {
        if (d.status() != EnrollmentStatus.OFFERED) {
            return feeOf(d);
        }
        return catalog.offering(new OfferingId(d.offeringId())).map(o -> engine.offerFee(d, o, clock.instant()))
                .orElseGet(() -> feeOf(d));
    }

    private Enrollment toEnrollment(EnrollmentDocument d, boolean masked, boolean countPosition) {
        Integer position = null;
        if (countPosition && d.status() == EnrollmentStatus.WAITLISTED && d.rank() != null && d.ticket() != null) {
            position = (int) enrollments.waitingAhead(d.offeringId(), d.rank(), d.ticket()) + 1;
        }
        return new Enrollment(new EnrollmentId(d.id()), new OfferingId(d.offeringId()), d.offeringTitleKo(),
                d.offeringTitleEn(), new ParticipantId(d.participantId()),
                masked ? Masking.name(d.participantName()) : d.participantName(), new AccountId(d.householdId()),
                d.status(), position, d.positionAtJoin(), d.offerExpiresAt(), shownFee(d), d.payment(), d.refundAmount(),
                d.createdAt(), d.enrolledAt(), d.endedAt(), d.endReason(), d.assisted(), d.history());
    }

    /**
     * The answer to an enrol command: a waiting entry shows the place it was given when it joined (no count of the
     * line, which the 10:00 rush could not afford per request, and which is what the first answer said).
     */
    private Enrollment answer(EnrollmentDocument d) {
        Enrollment e = toEnrollment(d, false, false);
        return d.status() == EnrollmentStatus.WAITLISTED ? withPosition(e, d.positionAtJoin()) : e;
    }

    private Enrollment toEnrollment(EnrollmentDocument d, boolean masked) {
        return toEnrollment(d, masked, true);
    }

    private static Enrollment withPosition(Enrollment e, Integer position) {
        return new Enrollment(e.id(), e.offering(), e.offeringTitleKo(), e.offeringTitleEn(), e.participant(),
                e.participantName(), e.household(), e.status(), position, e.positionAtJoin(), e.offerExpiresAt(), e.fee(),
                e.payment(), e.refundAmount(), e.createdAt(), e.enrolledAt(), e.endedAt(), e.endReason(), e.assisted(),
                e.history());
    }
}
