package org.baeum.enrollment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baeum.closure.ClosureParticipants;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.PaymentState;
import org.baeum.enrollment.Refund;
import org.baeum.enrollment.RefundBasis;
import org.baeum.enrollment.RefundReason;
import org.baeum.enrollment.StatutoryRefund;
import org.baeum.enrollment.internal.ClosureRefundRepository.ClosureRefundDocument;
import org.baeum.enrollment.internal.ClosureRefundRepository.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Enrolment's side of a closure (decision 0043): who is enrolled, the statute's refund for class days the centre
 * cannot hold (recorded once per closure and entry; the entry stays enrolled; owed back when paid, taken off the fee
 * when not paid yet), and open offers whose deadline a closure moves (with their expiry task), never later than the
 * offer rules allow before the class starts. Called by the closure engine as the portal; nothing here checks a role.
 */
@Component
class ClosureEffects implements ClosureParticipants {

    private static final Logger log = LoggerFactory.getLogger(ClosureEffects.class);

    private final EnrollmentLists lists;
    private final EnrollmentRepository enrollments;
    private final EnrollmentTransitions transitions;
    private final ClosureRefundRepository refunds;
    private final TaskRepository tasks;
    private final OfferPolicy policy;
    private final Refunds fees;
    private final CrashPoints crash;
    private final java.time.Clock clock;

    ClosureEffects(EnrollmentLists lists, EnrollmentRepository enrollments, EnrollmentTransitions transitions,
                   ClosureRefundRepository refunds, TaskRepository tasks, OfferPolicy policy, Refunds fees,
                   CrashPoints crash, java.time.Clock clock) {
        this.fees = fees;
        this.crash = crash;
        this.lists = lists;
        this.enrollments = enrollments;
        this.transitions = transitions;
        this.policy = policy;
        this.refunds = refunds;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public List<Participant> participants(String offeringId) {
        return lists.ofOffering(offeringId, List.of(EnrollmentStatus.ENROLLED), EnrollmentRepository.MAX_LIST).stream()
                .map(e -> new Participant(e.id(), e.householdId(), e.participantName(),
                        e.payment() == PaymentState.PAID ? fees.feeLeft(e) : 0))
                .toList();
    }

    @Override
    public long quote(long paid, List<LocalDate> classDays, Collection<LocalDate> cancelled) {
        return cancelled.stream().noneMatch(classDays::contains) ? 0 : refundFor(paid, classDays, cancelled).amount();
    }

    @Override
    public Settlement settle(String planId, String reasonKo, String reasonEn, String enrollmentId,
                             List<LocalDate> classDays, Collection<LocalDate> cancelled) {
        String id = ClosureRefundRepository.id(planId, enrollmentId);
        ClosureRefundDocument stored = refunds.find(id).orElse(null);
        if (stored == null) {
            EnrollmentDocument e = enrollments.findById(enrollmentId).orElse(null);
            if (e == null || e.amount() <= 0 || cancelled.stream().noneMatch(classDays::contains)) {
                return Settlement.NONE;
            }
            Kind kind;
            if (e.payment() == PaymentState.PAID) {
                kind = Kind.REFUND;
            } else if (e.payment() == PaymentState.UNPAID && e.status() == EnrollmentStatus.ENROLLED) {
                kind = Kind.FEE_REDUCTION;
            } else {
                return Settlement.NONE;
            }
            // of what the fee still buys: earlier closures' days are gone from classDays and their refunds from this
            Refund refund = refundFor(fees.feeLeft(e), classDays, cancelled);
            if (refund.amount() <= 0) {
                return Settlement.NONE;
            }
            stored = refunds.recordOnce(new ClosureRefundDocument(id, planId, enrollmentId, e.offeringId(),
                    e.householdId(), RefundDocument.of(refund), clock.instant(), kind, reasonKo, reasonEn, null, null));
            log.info("Closure {}: enrolment {} {} {} won for {} of {} class days", planId, enrollmentId,
                    stored.reduction() ? "fee reduced by" : "owed", stored.refund().amount(), stored.refund().count(),
                    stored.refund().outOf());
            crash.reached(CrashPoints.Step.CLOSURE_RECORDED);
        }
        return stored.reduction() ? reduce(stored) : new Settlement(stored.refund().amount(), 0);
    }

    /**
     * Lowers the unpaid fee by the recorded amount (once per plan: the marker goes on the entry in the same update).
     * An entry paid in the meantime is owed the amount back instead; one that ended settled its fee by its ending.
     */
    private Settlement reduce(ClosureRefundDocument stored) {
        long amount = stored.refund().amount();
        String entry = stored.enrollmentId();
        if (transitions.reducedBy(entry, stored.planId())) {
            waiveIfNothingLeft(stored); // a run that crashed after the reduction did not get to it
            return new Settlement(0, amount);
        }
        Instant now = clock.instant();
        if (transitions.reduceUnpaidFee(entry, stored.planId(), amount, new HistoryItem(now, "CLOSURE_FEE_REDUCED",
                Waitlist.SYSTEM, stored.planId() + ": -" + amount)).isPresent()) {
            log.info("Closure {}: unpaid fee of enrolment {} lowered by {} won", stored.planId(), entry, amount);
            crash.reached(CrashPoints.Step.FEE_REDUCED);
            waiveIfNothingLeft(stored);
            return new Settlement(0, amount);
        }
        EnrollmentDocument current = enrollments.findById(entry).orElse(null);
        if (current != null && current.payment() == PaymentState.PAID && !transitions.reducedBy(entry, stored.planId())) {
            refunds.reductionBecameRefund(stored.id());
            log.info("Closure {}: enrolment {} was paid before its fee went down: {} won owed back", stored.planId(),
                    entry, amount);
            return new Settlement(amount, 0);
        }
        return Settlement.NONE;
    }

    private void waiveIfNothingLeft(ClosureRefundDocument stored) {
        if (transitions.waiveIfNothingLeft(stored.enrollmentId(), stored.planId())) {
            log.info("Closure {}: enrolment {} has no fee left: waived", stored.planId(), stored.enrollmentId());
        }
    }

    @Override
    public Instant latestOfferDeadline(Instant firstSessionStart) {
        return firstSessionStart.minus(policy.endsBeforeStart());
    }

    /**
     * {@link StatutoryRefund} for the centre that cannot hold the class counts the class days on or after the first
     * day not held; the days a closure cancels may be followed by days still held. So the rule is asked about the same
     * number of class days with the held ones first: as many days before the first cancelled day as are held, then as
     * many from it as are cancelled. It answers paid × cancelled / all class days with the statute's rounding, the
     * reason's day being the first cancelled day (its due date 5 days later). At least one cancelled day must be a
     * class day.
     */
    static Refund refundFor(long paid, List<LocalDate> classDays, Collection<LocalDate> cancelled) {
        Set<LocalDate> all = new HashSet<>(classDays);
        List<LocalDate> notHeld = cancelled.stream().filter(all::contains).distinct().sorted().toList();
        LocalDate first = notHeld.getFirst();
        int held = all.size() - notHeld.size();
        List<LocalDate> days = new ArrayList<>();
        for (int i = held; i > 0; i--) {
            days.add(first.minusDays(i));
        }
        for (int i = 0; i < notHeld.size(); i++) {
            days.add(first.plusDays(i));
        }
        return StatutoryRefund.of(paid, RefundBasis.DEFAULT, StatutoryRefund.sessions(days, LocalTime.NOON,
                LocalTime.NOON.plusHours(1)), new RefundReason.CentreCannotHold(first));
    }

    @Override
    public List<OpenOffer> openOffers(String offeringId) {
        return lists.ofOffering(offeringId, List.of(EnrollmentStatus.OFFERED), EnrollmentRepository.MAX_LIST).stream()
                .filter(e -> e.offerExpiresAt() != null)
                .map(e -> new OpenOffer(e.id(), e.offeringId(), e.offeringTitleKo(), e.householdId(), e.offerExpiresAt()))
                .toList();
    }

    @Override
    public boolean moveOfferDeadline(String enrollmentId, Instant expected, Instant newDeadline) {
        boolean moved = transitions.moveOfferDeadline(enrollmentId, expected, newDeadline);
        if (moved || enrollments.findById(enrollmentId).filter(e -> e.status() == EnrollmentStatus.OFFERED
                && newDeadline.equals(e.offerExpiresAt())).isPresent()) {
            // moved now, or by a run that crashed before the task: the pending expiry task follows the deadline
            tasks.schedule(TaskRepository.Kind.OFFER_EXPIRY, enrollmentId, newDeadline);
        }
        if (moved) {
            log.info("Offer {}: deadline moved from {} to {} by a closure", enrollmentId, expected, newDeadline);
        }
        return moved;
    }
}
