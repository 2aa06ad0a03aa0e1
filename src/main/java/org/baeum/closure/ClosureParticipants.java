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
     * answers the amount recorded the first time. Nothing paid: 0 and nothing recorded.
     */
    long refund(String planId, String enrollmentId, List<LocalDate> classDays, Collection<LocalDate> cancelled);

    /** The open offers (OFFERED) of an offering. */
    List<OpenOffer> openOffers(String offeringId);

    /**
     * Moves an open offer's deadline from {@code expected} to {@code newDeadline}, with its expiry task; does nothing
     * (false) when the offer was answered, ended or already moved.
     */
    boolean moveOfferDeadline(String enrollmentId, Instant expected, Instant newDeadline);
}
