package org.baeum.enrollment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.baeum.account.District;
import org.baeum.account.Participant;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.HistoryItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A re-registration's seat (재등록, issue 15): a learner of the previous term's offering keeps a place in its
 * continuation by claiming it while the round's re-registration phase is open. The entry's id is derived from round,
 * participant and offering, so two clicks (or a retry after a crash) give one entry and one seat: the second hold
 * finds the seat already held under that id, the second insert finds the entry. The caller has checked who asks and
 * that the phase is open and the participant continues.
 */
@Component
public class ContinuingSeats {

    private static final Logger log = LoggerFactory.getLogger(ContinuingSeats.class);

    private final EnrollmentRepository enrollments;
    private final SeatsAsSystem seats;
    private final CapPlaces caps;
    private final FeeQuotes fees;
    private final Confirmation confirmation;
    private final CrashPoints crash;
    private final EntryFacts facts;
    private final Clock clock;

    ContinuingSeats(EnrollmentRepository enrollments, SeatsAsSystem seats, CapPlaces caps, FeeQuotes fees,
                    Confirmation confirmation, CrashPoints crash, EntryFacts facts, Clock clock) {
        this.enrollments = enrollments;
        this.seats = seats;
        this.caps = caps;
        this.fees = fees;
        this.confirmation = confirmation;
        this.crash = crash;
        this.facts = facts;
        this.clock = clock;
    }

    /** Whether the participant holds an ENROLLED entry in {@code previous} (the offering of the term before). */
    public boolean continues(Offering previous, Participant p) {
        return enrollments.findActive(previous.id().value(), p.id().value())
                .filter(e -> e.status() == org.baeum.enrollment.EnrollmentStatus.ENROLLED).isPresent();
    }

    /**
     * The participant's enrolment in the continuation, enrolled at once on a held seat (fee, payment deadline and mail
     * as for any enrolment); their existing entry when they have one.
     *
     * @throws EnrollmentRefusedException {@code NO_SEAT}, {@code CAP_REACHED}
     */
    public EnrollmentDocument claim(String round, Offering o, Participant p, String actorId) {
        String id = entryId(round, p, o);
        String participant = p.id().value();
        var existing = enrollments.findActive(o.id().value(), participant);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        List<String> capKeys = caps.take(o, participant, id, now);
        boolean stored = false;
        try {
            if (seats.hold(o.id(), id).isEmpty() && !seats.holds(o.id(), id)) {
                throw new EnrollmentRefusedException(Reason.NO_SEAT);
            }
            crash.reached(CrashPoints.Step.SEAT_TAKEN);
            District district = facts.districtOf(p.household());
            SeatDecider.Command c = new SeatDecider.Command(o, p, null, actorId, false, district);
            Fee fee = fees.fee(o, p, LocalDate.ofInstant(now, Formats.SEOUL));
            EnrollmentDocument doc = NewEntries.enrolled(c, id, null, fee,
                    facts.of(o, p, district, fee.reductionCode()), now);
            doc = withFirstItem(doc, new HistoryItem(now, "REREGISTERED", actorId, round));
            if (!enrollments.insertAll(List.of(doc)).isEmpty()) {
                seats.release(o.id(), id);
                return enrollments.findActive(o.id().value(), participant)
                        .orElseThrow(() -> new EnrollmentRefusedException(Reason.ALREADY));
            }
            stored = true;
            crash.reached(CrashPoints.Step.RECORD_WRITTEN);
            log.info("Enrolment {}: participant {} re-registered in {} (round {}) by {}", id, participant, o.id().value(),
                    round, actorId);
            confirmation.enrolled(doc, o);
            return doc;
        } finally {
            if (!stored && enrollments.findById(id).isEmpty()) {
                caps.giveBack(capKeys, id);
            }
        }
    }

    static String entryId(String round, Participant p, Offering o) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((round + "|re|" + p.id().value() + "|"
                    + o.id().value()).getBytes(StandardCharsets.UTF_8));
            return "rrg-" + HexFormat.of().formatHex(hash, 0, 14);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static EnrollmentDocument withFirstItem(EnrollmentDocument d, HistoryItem item) {
        return new EnrollmentDocument(d.id(), d.offeringId(), d.termId(), d.offeringTitleKo(), d.offeringTitleEn(),
                d.participantId(), d.householdId(), d.participantName(), d.status(), d.activeKey(), d.idemKey(), d.ticket(),
                d.rank(), d.positionAtJoin(), d.offeredAt(), d.offerExpiresAt(), d.baseFee(), d.reductionCode(),
                d.reductionNameKo(), d.reductionNameEn(), d.reductionPercent(), d.amount(), d.payment(), d.refundAmount(),
                d.refund(), d.createdAt(), d.enrolledAt(), d.endedAt(), d.endReason(), d.actorId(), d.assisted(),
                d.seatReleasePending(), List.of(item), d.facts());
    }
}
