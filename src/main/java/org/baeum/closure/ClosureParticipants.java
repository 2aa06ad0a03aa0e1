package org.baeum.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What a closure needs from enrolment, which nothing may call (decision 0043): implemented by
 * {@code enrollment.internal.ClosureEffects}. Called by the closure engine as the portal (or STAFF for the preview).
 */
public interface ClosureParticipants {

    /** An enrolled participant of an offering: the entry, the household account that gets the mail, what it paid. */
    record Participant(String enrollmentId, String accountId, String participantName, long paid) {
    }

    /**
     * What a closure did to one entry's fee (won): a refund owed when it was paid, a lower fee when it was not paid
     * yet; both 0 when nothing was due.
     */
    record Settlement(long refund, long feeReduction) {
        public static final Settlement NONE = new Settlement(0, 0);
    }

    /** A waitlist offer still open: its entry, offering, household and deadline. */
    record OpenOffer(String enrollmentId, String offeringId, String title, String accountId, Instant deadline) {
    }

    /** The enrolled entries of an offering (ENROLLED), in line order. */
    List<Participant> participants(String offeringId);

    /**
     * What one who paid {@code paid} gets back when the centre cannot hold {@code cancelled} of the offering's
     * {@code classDays} (평생교육법 시행령 별표 3 제1호, pro rata by class day); stores nothing.
     */
    long quote(long paid, List<LocalDate> classDays, Collection<LocalDate> cancelled);

    /**
     * Records the refund of the cancelled class days for one entry, once per closure plan and entry: a second call
     * answers the amount recorded the first time. Nothing paid: 0 and nothing recorded. As {@link #settle} without
     * the closure's reason.
     */
    default long refund(String planId, String enrollmentId, List<LocalDate> classDays, Collection<LocalDate> cancelled) {
        return settle(planId, null, null, enrollmentId, classDays, cancelled).refund();
    }

    /**
     * Settles the cancelled class days of one entry, once per closure plan and entry (a second call answers what
     * the first recorded): a paid entry is owed the statute's refund, listed on the enrolment desk with the
     * closure's reason ({@code reasonKo}/{@code reasonEn}, may be null) until STAFF record it paid out; an entry not
     * paid yet owes that much less instead. Nothing paid or owed: {@link Settlement#NONE}.
     */
    Settlement settle(String planId, String reasonKo, String reasonEn, String enrollmentId, List<LocalDate> classDays,
                      Collection<LocalDate> cancelled);

    /**
     * The latest an open offer's deadline may be for a class whose first session (after the closure's changes)
     * starts at {@code firstSessionStart}: the offer rules' time before the start (decision 0043).
     */
    Instant latestOfferDeadline(Instant firstSessionStart);

    /** The open offers (OFFERED) of an offering. */
    List<OpenOffer> openOffers(String offeringId);

    /**
     * Moves an open offer's deadline from {@code expected} to {@code newDeadline}, with its expiry task; does nothing
     * (false) when the offer was answered, ended or already moved.
     */
    boolean moveOfferDeadline(String enrollmentId, Instant expected, Instant newDeadline);
}
