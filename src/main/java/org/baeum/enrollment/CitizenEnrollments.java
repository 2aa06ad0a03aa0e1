package org.baeum.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.baeum.account.Account;
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
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.internal.EligibilityCheck;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentLists;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.enrollment.internal.EnrollmentTransitions;
import org.baeum.enrollment.internal.Endings;
import org.baeum.enrollment.internal.OfferPolicy;
import org.baeum.enrollment.internal.Refunds;
import org.baeum.enrollment.internal.SeatDecider;
import org.baeum.enrollment.internal.Waitlist;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Enrolment for citizens (수강신청): enrol a member of their household or join the waitlist, answer offers, cancel,
 * list their entries. A citizen only ever sees and changes their own household's entries; STAFF may act on any entry
 * through the same methods (cancel, accept, decline), which is written to the access log.
 */
@Service
public class CitizenEnrollments {

    private final SeatDecider decider;
    private final Waitlist waitlist;
    private final Endings endings;
    private final Refunds refunds;
    private final Previews previews;
    private final EnrollmentLists lists;
    private final EnrollmentAccess access;
    private final EnrollmentMapper mapper;
    private final CatalogService catalog;
    private final HouseholdService households;
    private final AccountService accounts;
    private final AccessLog accessLog;
    private final OfferPolicy policy;
    private final Clock clock;

    CitizenEnrollments(SeatDecider decider, Waitlist waitlist, Endings endings, Refunds refunds, Previews previews,
                       EnrollmentLists lists, EnrollmentAccess access, EnrollmentMapper mapper,
                       CatalogService catalog, HouseholdService households, AccountService accounts, AccessLog accessLog,
                       OfferPolicy policy, Clock clock) {
        this.decider = decider;
        this.waitlist = waitlist;
        this.endings = endings;
        this.refunds = refunds;
        this.previews = previews;
        this.lists = lists;
        this.access = access;
        this.mapper = mapper;
        this.catalog = catalog;
        this.households = households;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * What the participant (the caller or one of their dependants; {@code null} for the caller) can do about the
     * offering now, with the fee and clash warnings; clashing classes are named in {@code language} (the page's; the
     * language saved at sign-in when {@code null}).
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public Preview preview(OfferingId offeringId, ParticipantId participantId, Locale language) {
        Participant p = households.participant(access.participantOrSelf(participantId));
        return previews.preview(offering(catalog, offeringId), p, accounts.myEmailVerified(), language);
    }

    /**
     * Enrols the participant ({@code null}: the caller) or puts them on the waitlist. {@code idempotencyKey} (one per
     * click or API request) makes a replay return the first answer and change nothing.
     *
     * @throws EnrollmentRefusedException when the rules refuse (nothing stored)
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public Enrollment enroll(OfferingId offeringId, ParticipantId participantId, String idempotencyKey) {
        BaeumUser user = access.user();
        String key = EnrollmentAccess.cleanKey(idempotencyKey);
        ParticipantId who = access.participantOrSelf(participantId);
        // one read for the first answer to this key and for an entry the participant already has here
        EnrollmentRepository.Lookup found = decider.lookup(user.accountId(), key, offeringId, who.value());
        if (found.replay().isPresent()) {
            return mapper.answer(found.replay().get());
        }
        Account me = accounts.myAccount(); // one read for confirmed email and district (and the caller as participant)
        Participant p = who.value().equals(user.accountId()) ? me.asParticipant()
                : households.participant(who); // refuses another household's dependant
        boolean verified = me.emailVerified();
        if (!p.active()) {
            throw new AccessDeniedException("Removed dependant");
        }
        if (found.active().isPresent()) {
            throw new EnrollmentRefusedException(Reason.ALREADY);
        }
        Offering o = offering(catalog, offeringId);
        EligibilityCheck.check(o, p, verified, clock.instant());
        return mapper.answer(decider.enroll(new SeatDecider.Command(o, p, key, user.accountId(), false, true, me.district())));
    }

    /** The caller's household's entries, newest first. */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<Enrollment> myEnrollments() {
        return lists.ofHousehold(access.user().accountId(), 500).stream()
                .map(endings::expireIfLapsed).map(d -> mapper.toEnrollment(d, false)).toList();
    }

    /** One entry: the citizen's own household's, or any for STAFF. */
    @PreAuthorize("isAuthenticated()")
    public Enrollment enrollment(EnrollmentId id) {
        return mapper.toEnrollment(access.owned(id), false);
    }

    /**
     * Cancels: an enrolment (citizens until the cut-off before the first session, STAFF at any time with a reason),
     * a waitlist entry (leaves the line), or an offer (the citizen declines it; STAFF withdraw it with a reason, which
     * is recorded as WITHDRAWN with who and why, and mailed). A freed seat goes to the waitlist.
     */
    @PreAuthorize("isAuthenticated()")
    public Enrollment cancel(EnrollmentId id, String reason) {
        EnrollmentDocument e = access.owned(id);
        access.refuseIfOfferRanOut(e);
        BaeumUser user = access.user();
        boolean forOthers = EnrollmentAccess.isStaff(user) && !EnrollmentAccess.ownHousehold(user, e);
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > 500) {
            note = note.substring(0, 500);
        }
        if (forOthers && note == null) {
            throw new EnrollmentRefusedException(Reason.REASON_REQUIRED);
        }
        if (forOthers) {
            accessLog.record(AccessAction.ASSISTED_ACTION, e.householdId(), "cancel " + e.id() + ": " + note);
        }
        String by = user.accountId();
        EnrollmentDocument ended = switch (e.status()) {
            case WAITLISTED -> endings.leave(e, by, note);
            case OFFERED -> forOthers
                    ? endings.endHolding(e, EnrollmentStatus.WITHDRAWN, "enrollment.reason.withdrawn", by, note, none())
                    : endings.endHolding(e, EnrollmentStatus.DECLINED, "enrollment.reason.declined", by, note, none());
            case ENROLLED -> {
                Instant cutoff = policy.cancelCutoff(offering(catalog, new OfferingId(e.offeringId())));
                if (!EnrollmentAccess.isStaff(user) && !clock.instant().isBefore(cutoff)) {
                    throw new EnrollmentRefusedException(Reason.CANCEL_CUTOFF, cutoff);
                }
                yield endings.endHolding(e, EnrollmentStatus.CANCELLED,
                        forOthers ? "enrollment.reason.staff" : "enrollment.reason.citizen", by, note, none());
            }
            default -> throw new EnrollmentRefusedException(Reason.WRONG_STATE);
        };
        return mapper.toEnrollment(ended, false);
    }

    /**
     * The refund a cancellation now would give under the statutory rule, with the step that gives it, for the
     * confirmation dialog; empty when nothing was paid (unpaid, waived, free, or not an enrolment).
     */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<Refund> refundIfCancelledNow(EnrollmentId id) {
        EnrollmentDocument e = access.owned(id);
        return refunds.quote(e, offering(catalog, new OfferingId(e.offeringId())), clock.instant());
    }

    /** Until when a citizen can cancel online. */
    @PreAuthorize("permitAll()")
    public Instant cancelCutoff(Offering o) {
        return policy.cancelCutoff(o);
    }

    /**
     * Accepts a held offer (the citizen's own, or STAFF for them) before its deadline; after it the offer is over,
     * even while the expiry job has not ended it yet.
     */
    @PreAuthorize("isAuthenticated()")
    public Enrollment acceptOffer(EnrollmentId id) {
        EnrollmentDocument e = heldOffer(id);
        access.logIfAssisted(e, "accept offer " + e.id());
        return mapper.toEnrollment(waitlist.accept(e.id(), access.user().accountId()), false);
    }

    /** Declines a held offer before its deadline; the seat goes to the next in line. */
    @PreAuthorize("isAuthenticated()")
    public Enrollment declineOffer(EnrollmentId id) {
        EnrollmentDocument e = heldOffer(id);
        access.logIfAssisted(e, "decline offer " + e.id());
        return mapper.toEnrollment(endings.endHolding(e, EnrollmentStatus.DECLINED, "enrollment.reason.declined",
                access.user().accountId(), null, none()), false);
    }

    private EnrollmentDocument heldOffer(EnrollmentId id) {
        EnrollmentDocument e = access.owned(id);
        if (e.status() != EnrollmentStatus.OFFERED) {
            throw new EnrollmentRefusedException(Reason.WRONG_STATE);
        }
        access.refuseIfOfferRanOut(e);
        return e;
    }

    private static EnrollmentTransitions.EndGuard none() {
        return EnrollmentTransitions.EndGuard.NONE;
    }

    /** The offering, or CLOSED when it is gone. */
    static Offering offering(CatalogService catalog, OfferingId id) {
        return catalog.offering(id).orElseThrow(() -> new EnrollmentRefusedException(Reason.CLOSED));
    }
}
