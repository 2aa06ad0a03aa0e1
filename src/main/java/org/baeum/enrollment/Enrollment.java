package org.baeum.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.catalog.OfferingId;

/**
 * One participant's enrolment or waitlist entry for one offering, in parts: whose it is, where it stands in line or
 * in an offer, what it costs, and how it ended. The accessors below the components read through to the parts.
 *
 * @param title    the offering's title when the entry was made, in both languages
 * @param who      the participant and their household
 * @param line     the place in line and a held offer's deadline
 * @param charge   the fee, its payment and when the seat was taken
 * @param ending   when and why it ended, and the refund that recorded
 * @param assisted done by staff for the citizen (desk or phone)
 */
public record Enrollment(EnrollmentId id, OfferingId offering, Title title, Who who, EnrollmentStatus status,
                         Line line, Charge charge, Ending ending, Instant createdAt, boolean assisted,
                         List<HistoryItem> history) {

    /** The offering's title in Korean and (when it has one) English. */
    public record Title(String ko, String en) {
    }

    /** The participant (the citizen or a dependant), their name as shown to the caller, and their household. */
    public record Who(ParticipantId participant, String name, AccountId household) {
    }

    /**
     * @param waitlistPosition the current place in line while WAITLISTED (1 = next), else {@code null}
     * @param positionAtJoin   the place in line when they joined (the answer they were given)
     * @param offerExpiresAt   while OFFERED: until when the held seat waits for an answer
     */
    public record Line(Integer waitlistPosition, Integer positionAtJoin, Instant offerExpiresAt) {
    }

    /** The fee (an open offer shows what accepting it would charge), its payment, and when the seat was taken. */
    public record Charge(Fee fee, PaymentState payment, Instant enrolledAt) {
    }

    /**
     * @param refundAmount what was owed back after the ending of a paid enrolment
     * @param refund       the statutory refund it recorded (amount, step, due date) and whether staff paid it out;
     *                     {@code null} when nothing was paid, or for endings from before the rule
     */
    public record Ending(Instant endedAt, String endReason, long refundAmount, RefundOwed refund) {
    }

    public Enrollment {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The same entry with another place in line shown (the place it was given, or its place among the shown). */
    public Enrollment withWaitlistPosition(Integer position) {
        return new Enrollment(id, offering, title, who, status, new Line(position, line.positionAtJoin(),
                line.offerExpiresAt()), charge, ending, createdAt, assisted, history);
    }

    public String offeringTitle(Locale locale) {
        return "en".equals(locale.getLanguage()) && title.en() != null ? title.en() : title.ko();
    }

    // ---- reading through to the parts ------------------------------------------------------------------

    public String offeringTitleKo() {
        return title.ko();
    }

    public String offeringTitleEn() {
        return title.en();
    }

    public ParticipantId participant() {
        return who.participant();
    }

    public String participantName() {
        return who.name();
    }

    public AccountId household() {
        return who.household();
    }

    public Integer waitlistPosition() {
        return line.waitlistPosition();
    }

    public Integer positionAtJoin() {
        return line.positionAtJoin();
    }

    public Instant offerExpiresAt() {
        return line.offerExpiresAt();
    }

    public Fee fee() {
        return charge.fee();
    }

    public PaymentState payment() {
        return charge.payment();
    }

    public Instant enrolledAt() {
        return charge.enrolledAt();
    }

    public Instant endedAt() {
        return ending.endedAt();
    }

    public String endReason() {
        return ending.endReason();
    }

    public long refundAmount() {
        return ending.refundAmount();
    }

    public RefundOwed refund() {
        return ending.refund();
    }
}
