package org.baeum.enrollment.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.Offering;

/**
 * The times of enrolment, written once (no Spring, no database): when an offer made now runs out and when its
 * reminder goes, until when a citizen may cancel online, by when an enrolment must be paid and when to remind, and
 * when an offering's classes start.
 *
 * @param defaultHold           how long an offer holds a seat unless the offering sets its own hold
 * @param reminderBefore        mail "your offer ends soon" this long before an offer runs out
 * @param endsBeforeStart       an offer always ends this long before the first session starts
 * @param citizenCancelCutoff   citizens cancel online until this long before the first session
 * @param paymentReminderBefore mail this long before a payment is due
 * @param latePaymentGrace      who enrols close to (or after) the deadline has at least this long to pay
 */
public record OfferPolicy(Duration defaultHold, Duration reminderBefore, Duration endsBeforeStart,
                          Duration citizenCancelCutoff, Duration paymentReminderBefore, Duration latePaymentGrace) {

    /** An offer that would run out sooner than this after it is made is not made at all. */
    static final Duration SHORTEST_OFFER = Duration.ofMinutes(30);

    static OfferPolicy of(EnrollmentSettings s) {
        return new OfferPolicy(s.offerHold(), s.offerReminderBefore(), s.offerEndsBeforeStart(), s.citizenCancelCutoff(),
                s.paymentReminderBefore(), s.latePaymentGrace());
    }

    /**
     * When an offer made {@code now} runs out: after the offering's {@code hold} (the default when null), but never
     * later than {@link #endsBeforeStart} before the first session, nor later than the start of the first day off of
     * the class's room or branch after today ({@code nextDayOff}, null when none). Null when that leaves less than
     * {@link #SHORTEST_OFFER}: too late for offers.
     */
    public Instant offerDeadline(Instant now, Duration hold, Instant firstStart, LocalDate nextDayOff) {
        Instant deadline = now.plus(hold == null ? defaultHold : hold);
        Instant limit = firstStart.minus(endsBeforeStart);
        if (deadline.isAfter(limit)) {
            deadline = limit;
        }
        if (nextDayOff != null) {
            Instant closes = nextDayOff.atStartOfDay(Formats.SEOUL).toInstant();
            if (deadline.isAfter(closes)) {
                deadline = closes;
            }
        }
        return deadline.isAfter(now.plus(SHORTEST_OFFER)) ? deadline : null;
    }

    /** When to remind of an offer that runs out at {@code deadline}; null when it is too short to need one. */
    public Instant offerReminder(Instant now, Instant deadline) {
        Instant remind = deadline.minus(reminderBefore);
        return remind.isAfter(now.plus(reminderBefore)) ? remind : null;
    }

    /** Until when a citizen may cancel online: before the first session; the end of recruitment when none is planned. */
    public Instant cancelCutoff(Offering o) {
        if (o.sessionDates().isEmpty()) {
            return o.recruitment().closesAt();
        }
        return firstStart(o).minus(citizenCancelCutoff);
    }

    /**
     * By when an enrolment made at {@code enrolledAt} pays: the offering's {@code deadline}, or later for who enrolled
     * close to it, so that everyone has at least {@link #latePaymentGrace}.
     */
    public Instant payBy(Instant enrolledAt, Instant deadline) {
        Instant earliest = enrolledAt.plus(latePaymentGrace);
        return deadline.isBefore(earliest) ? earliest : deadline;
    }

    /** When to remind of a payment due at {@code payBy}; null when that moment has passed. */
    public Instant paymentReminder(Instant now, Instant payBy) {
        Instant remind = payBy.minus(paymentReminderBefore);
        return remind.isAfter(now) ? remind : null;
    }

    /** When the first session starts (Seoul time). The offering must have sessions. */
    public static Instant firstStart(Offering o) {
        return LocalDateTime.of(o.sessionDates().getFirst(), o.schedule().startTime()).atZone(Formats.SEOUL).toInstant();
    }

    /** When each session starts, in order. */
    public static List<Instant> sessionStarts(Offering o) {
        return o.sessionDates().stream()
                .map(d -> LocalDateTime.of(d, o.schedule().startTime()).atZone(Formats.SEOUL).toInstant()).toList();
    }
}
