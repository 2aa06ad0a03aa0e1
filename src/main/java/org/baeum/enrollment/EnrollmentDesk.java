package org.baeum.enrollment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.internal.EligibilityCheck;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentLists;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.enrollment.internal.EnrollmentTransitions;
import org.baeum.enrollment.internal.SeatDecider;
import org.baeum.enrollment.internal.Waitlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Enrolment for STAFF at the desk: enrol a citizen who phones or walks in (assisted, under the same rules), open a
 * citizen's entries, work an offering's roster and waitlist, record payments. Every assisted action and every
 * opening of a citizen's entries is written to the access log. The offering's own rules are in
 * {@link OfferingRulesDesk}.
 */
@Service
public class EnrollmentDesk {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentDesk.class);
    static final String STAFF = "hasAnyRole('STAFF','ADMIN')";

    private final SeatDecider decider;
    private final Waitlist waitlist;
    private final Previews previews;
    private final EnrollmentRepository enrollments;
    private final EnrollmentTransitions transitions;
    private final EnrollmentLists lists;
    private final EnrollmentAccess access;
    private final EnrollmentMapper mapper;
    private final OfferingRulesDesk rules;
    private final SeatLedger seats;
    private final CatalogService catalog;
    private final HouseholdService households;
    private final AccountService accounts;
    private final AccessLog accessLog;
    private final Clock clock;

    EnrollmentDesk(SeatDecider decider, Waitlist waitlist, Previews previews, EnrollmentRepository enrollments,
                   EnrollmentTransitions transitions, EnrollmentLists lists,
                   EnrollmentAccess access, EnrollmentMapper mapper, OfferingRulesDesk rules, SeatLedger seats,
                   CatalogService catalog, HouseholdService households, AccountService accounts, AccessLog accessLog,
                   Clock clock) {
        this.decider = decider;
        this.waitlist = waitlist;
        this.previews = previews;
        this.enrollments = enrollments;
        this.transitions = transitions;
        this.lists = lists;
        this.access = access;
        this.mapper = mapper;
        this.rules = rules;
        this.seats = seats;
        this.catalog = catalog;
        this.households = households;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /**
     * What the participant can do, for STAFF helping them (the email check does not apply at the desk); clashing
     * classes are named in {@code language} (the page's; the staff member's saved language when {@code null}).
     */
    @PreAuthorize(STAFF)
    public Preview previewFor(OfferingId offeringId, ParticipantId participantId, Locale language) {
        Participant p = households.participant(participantId);
        return previews.preview(CitizenEnrollments.offering(catalog, offeringId), p, true, language);
    }

    /**
     * Enrols (or waitlists) a participant for a citizen who phones or walks in, under the same rules, recorded as
     * done by the staff member (history and access log). Staff confirm the person at the desk, so the email check
     * does not apply.
     */
    @PreAuthorize(STAFF)
    public Enrollment enrollFor(ParticipantId participantId, OfferingId offeringId, String idempotencyKey) {
        BaeumUser user = access.user();
        Participant p = households.participant(participantId);
        String key = EnrollmentAccess.cleanKey(idempotencyKey);
        Optional<EnrollmentDocument> replayed = decider.replay(p.household().value(), key);
        if (replayed.isPresent()) {
            return mapper.answer(replayed.get());
        }
        if (!p.active()) {
            throw new EnrollmentRefusedException(Reason.NOT_ELIGIBLE);
        }
        Offering o = CitizenEnrollments.offering(catalog, offeringId);
        EligibilityCheck.check(o, p, true, clock.instant());
        accessLog.record(AccessAction.ASSISTED_ACTION, p.household().value(), "enrol " + p.id().value() + " in " + offeringId.value());
        return mapper.answer(decider.enroll(new SeatDecider.Command(o, p, key, user.accountId(), true,
                accounts.account(p.household()).map(org.baeum.account.Account::district).orElse(null))));
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
        return lists.ofHousehold(household.value(), 500).stream().map(d -> mapper.toEnrollment(d, false)).toList();
    }

    /** An offering's roster, offers and waitlist in order (names masked), seats and rules. */
    @PreAuthorize(STAFF)
    public OfferingDesk desk(OfferingId offeringId) {
        Offering o = CitizenEnrollments.offering(catalog, offeringId);
        SeatLedger.Seats s = seats.counters(offeringId)
                .orElse(new SeatLedger.Seats(o.capacity(), 0, o.capacity(), 0, 0, false));
        List<EnrollmentDocument> all = lists.ofOffering(offeringId.value(),
                List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.OFFERED, EnrollmentStatus.WAITLISTED),
                EnrollmentRepository.MAX_LIST);
        List<Enrollment> enrolled = new ArrayList<>();
        List<Enrollment> offers = new ArrayList<>();
        List<Enrollment> waiting = new ArrayList<>();
        int position = 0;
        for (EnrollmentDocument d : all) {
            switch (d.status()) {
                case ENROLLED -> enrolled.add(mapper.toEnrollment(d, true));
                case OFFERED -> offers.add(mapper.toEnrollment(d, true));
                case WAITLISTED -> waiting.add(EnrollmentMapper.withPosition(mapper.toEnrollment(d, true, false), ++position));
                default -> { }
            }
        }
        return new OfferingDesk(o, s.capacity(), s.taken(), s.left(), enrolled, offers, waiting, rules.rules(offeringId));
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
        String by = access.user().accountId();
        int now = waitlist.move(e, position, by, reason.strip());
        log.info("Enrolment {}: moved to waitlist position {} of {} by {}", id.value(), now, e.offeringId(), by);
    }

    /**
     * Refunds that endings recorded and staff have not paid out yet, the earliest due first (names masked): each is
     * due within 5 days of its reason (평생교육법 시행령 제23조).
     */
    @PreAuthorize(STAFF)
    public List<Enrollment> refundsOwed() {
        return lists.refundsOwed(500).stream().map(d -> mapper.toEnrollment(d, true, false)).toList();
    }

    /** Records that the refund an ending recorded was paid out (once; a second time is refused). */
    @PreAuthorize(STAFF)
    public Enrollment recordRefundPaidOut(EnrollmentId id, String note) {
        String by = access.user().accountId();
        EnrollmentDocument done = transitions.markRefundPaidOut(id.value(), clock.instant(),
                        new HistoryItem(clock.instant(), "REFUND_PAID", by, note == null || note.isBlank() ? null : note.strip()))
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        log.info("Enrolment {}: refund of {} paid out, recorded by {}", id.value(), done.refundAmount(), by);
        return mapper.toEnrollment(done, true);
    }

    /**
     * Records a payment at the desk (PAID) or waives the fee (WAIVED) at the fee it has now; for callers that show no
     * amount (demo data). The desk passes the amount staff saw: {@link #recordPayment(EnrollmentId, PaymentState,
     * String, long)}.
     */
    @PreAuthorize(STAFF)
    public Enrollment recordPayment(EnrollmentId id, PaymentState state, String note) {
        long amount = enrollments.findById(id.value()).map(EnrollmentDocument::amount)
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        return recordPayment(id, state, note, amount);
    }

    /**
     * Records a payment at the desk (PAID) or waives the fee (WAIVED) of {@code amount} won, the fee staff saw and
     * received: refused ({@code WRONG_STATE}, nothing stored) unless the entry is still enrolled and unpaid at exactly
     * that fee (a closure may have lowered it since the page was loaded).
     */
    @PreAuthorize(STAFF)
    public Enrollment recordPayment(EnrollmentId id, PaymentState state, String note, long amount) {
        if (state != PaymentState.PAID && state != PaymentState.WAIVED) {
            throw new IllegalArgumentException("Only PAID or WAIVED can be recorded");
        }
        String by = access.user().accountId();
        EnrollmentDocument done = transitions.markPaid(id.value(), state, amount,
                        new HistoryItem(clock.instant(), state.name(), by, note == null ? null : note.strip()))
                .orElseThrow(() -> {
                    log.info("Enrolment {}: payment {} of {} refused (not unpaid at that fee), by {}", id.value(), state,
                            amount, by);
                    return new EnrollmentRefusedException(Reason.WRONG_STATE);
                });
        log.info("Enrolment {}: payment {} of {} recorded by {}", id.value(), state, amount, by);
        return mapper.toEnrollment(done, true);
    }
}
