package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static org.baeum.enrollment.internal.EnrollmentRepository.ACTIVE_KEY;
import static org.baeum.enrollment.internal.EnrollmentRepository.AMOUNT;
import static org.baeum.enrollment.internal.EnrollmentRepository.BASE_FEE;
import static org.baeum.enrollment.internal.EnrollmentRepository.COLLECTION;
import static org.baeum.enrollment.internal.EnrollmentRepository.ENDED_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.END_REASON;
import static org.baeum.enrollment.internal.EnrollmentRepository.ENROLLED_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.FACTS_REDUCTION;
import static org.baeum.enrollment.internal.EnrollmentRepository.HISTORY;
import static org.baeum.enrollment.internal.EnrollmentRepository.OFFERED_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.OFFER_EXPIRES_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.PAYMENT;
import static org.baeum.enrollment.internal.EnrollmentRepository.RANK;
import static org.baeum.enrollment.internal.EnrollmentRepository.REDUCTION_CODE;
import static org.baeum.enrollment.internal.EnrollmentRepository.REDUCTION_NAME_EN;
import static org.baeum.enrollment.internal.EnrollmentRepository.REDUCTION_NAME_KO;
import static org.baeum.enrollment.internal.EnrollmentRepository.REDUCTION_PERCENT;
import static org.baeum.enrollment.internal.EnrollmentRepository.REFUND;
import static org.baeum.enrollment.internal.EnrollmentRepository.REFUND_AMOUNT;
import static org.baeum.enrollment.internal.EnrollmentRepository.REFUND_PAID_OUT_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.SEAT_RELEASE_PENDING;
import static org.baeum.enrollment.internal.EnrollmentRepository.STATUS;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import java.util.Optional;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.PaymentState;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The named state transitions of the {@code enrollments} collection, split out of {@link EnrollmentRepository} by
 * job: the waitlist's offers and answers, endings, the desk's payments and refunds, and what closures change (an
 * offer's deadline, an unpaid fee). Each is one guarded update ({@code status} must still be what the caller saw),
 * so two requests (or a request and a job) never both move the same entry, and no service builds an update. The
 * field names are {@link EnrollmentRepository}'s.
 */
@Repository
public class EnrollmentTransitions {

    /** The closure plans whose cancelled days reduced an unpaid fee (one marker per plan, decision 0043). */
    static final String CLOSURE_REDUCTIONS = "closureReductions";
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<EnrollmentDocument> enrollments;

    EnrollmentTransitions(MongoDatabase database, EnrollmentRepository owner) {
        // the owner is injected first so that it has created the collection's indexes
        this.enrollments = database.getCollection(COLLECTION, EnrollmentDocument.class);
    }

    /**
     * Moves an open offer's deadline (a closure moved it out of its days, decision 0043): only while the entry is
     * still OFFERED with the deadline {@code expected}, so a rerun or an offer answered meanwhile changes nothing.
     */
    public boolean moveOfferDeadline(String id, Instant expected, Instant newDeadline) {
        return enrollments.updateOne(and(eq("_id", id), eq(STATUS, EnrollmentStatus.OFFERED.name()),
                eq(OFFER_EXPIRES_AT, expected)), set(OFFER_EXPIRES_AT, newDeadline)).getModifiedCount() == 1;
    }


    /** WAITLISTED → OFFERED: a held seat waits for the person's answer until {@code deadline}. */
    public Optional<EnrollmentDocument> markOffered(String id, Instant now, Instant deadline, HistoryItem item) {
        return transition(id, EnrollmentStatus.WAITLISTED, null,
                combine(set(STATUS, EnrollmentStatus.OFFERED.name()), set(OFFERED_AT, now), set(OFFER_EXPIRES_AT, deadline)),
                item);
    }

    /**
     * OFFERED → ENROLLED while the offer still runs at {@code now}, charging {@code fee}; the reporting facts'
     * reduction category follows the fee charged ({@code withFacts}: the entry has facts; one without is left to
     * {@link ParticipationFactsMigration}, which never meets a half-written {@code facts}).
     */
    public Optional<EnrollmentDocument> markAccepted(String id, Instant now, Fee fee, boolean withFacts,
                                                     HistoryItem item) {
        Bson change = combine(set(STATUS, EnrollmentStatus.ENROLLED.name()), set(ENROLLED_AT, now),
                unset(OFFER_EXPIRES_AT), set(BASE_FEE, fee.base()), set(REDUCTION_CODE, fee.reductionCode()),
                set(REDUCTION_NAME_KO, fee.reductionNameKo()), set(REDUCTION_NAME_EN, fee.reductionNameEn()),
                set(REDUCTION_PERCENT, fee.reductionPercent()), set(AMOUNT, fee.amount()),
                set(PAYMENT, (fee.amount() == 0 ? PaymentState.WAIVED : PaymentState.UNPAID).name()));
        return transition(id, EnrollmentStatus.OFFERED, gt(OFFER_EXPIRES_AT, now),
                withFacts ? combine(change, set(FACTS_REDUCTION, fee.reductionCode())) : change, item);
    }

    /** What else must still hold for an ending: nothing, the offer has run out by then, or it is still unpaid. */
    public enum EndGuard { NONE, OFFER_RAN_OUT, STILL_UNPAID }

    /**
     * An entry that holds a seat ends ({@code from} → {@code to}): it is no longer active, and its seat and mail are
     * pending ({@code seatReleasePending}) until the ending is finished. A paid enrolment records its {@code refund}
     * (null: nothing was paid, nothing to give back).
     */
    public Optional<EnrollmentDocument> markEnded(String id, EnrollmentStatus from, EnrollmentStatus to, Instant now,
                                                  String reasonKey, RefundDocument refund, EndGuard guard,
                                                  HistoryItem item) {
        Bson change = combine(set(STATUS, to.name()), set(ENDED_AT, now), set(END_REASON, reasonKey), unset(ACTIVE_KEY),
                unset(OFFER_EXPIRES_AT), set(SEAT_RELEASE_PENDING, true));
        if (refund != null) {
            change = combine(change, set(REFUND_AMOUNT, refund.amount()), set(PAYMENT, PaymentState.REFUNDED.name()),
                    set(REFUND, refund));
        }
        Bson extra = switch (guard) {
            case NONE -> null;
            case OFFER_RAN_OUT -> lte(OFFER_EXPIRES_AT, now);
            case STILL_UNPAID -> eq(PAYMENT, PaymentState.UNPAID.name());
        };
        return transition(id, from, extra, change, item);
    }

    /** WAITLISTED → LEFT. */
    public Optional<EnrollmentDocument> markLeft(String id, Instant now, HistoryItem item) {
        return transition(id, EnrollmentStatus.WAITLISTED, null,
                combine(set(STATUS, EnrollmentStatus.LEFT.name()), set(ENDED_AT, now), unset(ACTIVE_KEY)), item);
    }

    /** A waiting entry gets a new place in line ({@code rank}). */
    public Optional<EnrollmentDocument> markMoved(String id, double rank, HistoryItem item) {
        return transition(id, EnrollmentStatus.WAITLISTED, null, set(RANK, rank), item);
    }

    /**
     * An unpaid enrolment is paid (or its fee waived) at the desk, at the fee {@code amount} staff saw: empty when the
     * fee changed meanwhile (a closure lowered it), so nothing is recorded at an old amount (decision 0046).
     */
    public Optional<EnrollmentDocument> markPaid(String id, PaymentState state, long amount, HistoryItem item) {
        return transition(id, EnrollmentStatus.ENROLLED, and(eq(PAYMENT, PaymentState.UNPAID.name()), eq(AMOUNT, amount)),
                set(PAYMENT, state.name()), item);
    }

    /** Staff paid out the refund an ending recorded (once). */
    public Optional<EnrollmentDocument> markRefundPaidOut(String id, Instant now, HistoryItem item) {
        return Optional.ofNullable(enrollments.findOneAndUpdate(and(eq("_id", id), eq(PAYMENT, PaymentState.REFUNDED.name()),
                        gt(REFUND_AMOUNT, 0), eq(REFUND_PAID_OUT_AT, null)),
                combine(set(REFUND_PAID_OUT_AT, now), push(HISTORY, item)), AFTER));
    }

    private Optional<EnrollmentDocument> transition(String id, EnrollmentStatus from, Bson guard, Bson change,
                                                    HistoryItem item) {
        Bson filter = guard == null ? and(eq("_id", id), eq(STATUS, from.name())) : and(eq("_id", id), eq(STATUS, from.name()), guard);
        return Optional.ofNullable(enrollments.findOneAndUpdate(filter, combine(change, push(HISTORY, item)), AFTER));
    }

    public void clearSeatReleasePending(String id) {
        enrollments.updateOne(eq("_id", id), unset(SEAT_RELEASE_PENDING));
    }

    /**
     * A closure cancelled class days of an enrolment not paid yet: its fee goes down by {@code reduction} instead of
     * a refund being owed (decision 0043). Once per closure plan ({@code planId} is kept on the entry in the same
     * update), only while it is ENROLLED and UNPAID. Empty when the guard does not hold (paid or ended meanwhile, or
     * reduced by this plan already). A fee that reaches 0 is then {@link #waiveIfNothingLeft waived}, by the caller.
     */
    public Optional<EnrollmentDocument> reduceUnpaidFee(String id, String planId, long reduction, HistoryItem item) {
        return Optional.ofNullable(enrollments.findOneAndUpdate(and(eq("_id", id),
                        eq(STATUS, EnrollmentStatus.ENROLLED.name()), eq(PAYMENT, PaymentState.UNPAID.name()),
                        gte(AMOUNT, reduction), ne(CLOSURE_REDUCTIONS, planId)),
                combine(inc(AMOUNT, -reduction), addToSet(CLOSURE_REDUCTIONS, planId), push(HISTORY, item)), AFTER));
    }

    /**
     * An unpaid entry whose fee the closure {@code planId} lowered to 0 is WAIVED (as an enrolment without a fee is), so it is never
     * released as unpaid; safe to repeat (a rerun after a crash between the reduction and this does it then).
     */
    public boolean waiveIfNothingLeft(String id, String planId) {
        return enrollments.updateOne(and(eq("_id", id), eq(STATUS, EnrollmentStatus.ENROLLED.name()),
                        eq(PAYMENT, PaymentState.UNPAID.name()), eq(AMOUNT, 0L), eq(CLOSURE_REDUCTIONS, planId)),
                set(PAYMENT, PaymentState.WAIVED.name())).getModifiedCount() == 1;
    }

    /** Whether a closure plan already reduced this entry's fee. */
    public boolean reducedBy(String id, String planId) {
        return enrollments.countDocuments(and(eq("_id", id), eq(CLOSURE_REDUCTIONS, planId))) > 0;
    }
}
