package org.baeum.enrollment;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.baeum.base.i18n.Formats;

/**
 * The refund the law requires: 평생교육법 시행령 제23조 and 별표 3 (학습비 반환기준, amended 2024-04-16), with no other
 * deduction. Plain Java, no state; exact integer arithmetic. See docs/decisions/0026-statutory-refund.md.
 *
 * <p>How the statute is read here:
 * <ul>
 *   <li><b>The centre cannot hold the class</b> (제1호: closure, cancellation): the fee pro rata by day, "일 단위".
 *   Days are <em>class days</em> (the distinct days with a session, in Seoul), since 비고 1 defines the period a fee
 *   covers as its total class days (총수업일): paid × class days on or after the first day that cannot be held / all
 *   class days. The basis (period or sessions) does not matter.</li>
 *   <li><b>The learner quits, before the first session starts</b> (가 1), 나 1)): everything paid. At the very instant
 *   the first session starts the class has started.</li>
 *   <li><b>By period, a fee for a month or less</b> (가): "class time" (총수업시간, 비고 2) is the sum of the session
 *   durations; the time passed is the class time held before the moment of quitting, to the millisecond, a running
 *   session counting up to that moment (비고 3 says "up to the day the reason arose"; counting to the moment is never
 *   less for the learner). Less than a third passed: 2/3; a third or more but less than half: 1/2; half or more:
 *   nothing. Exactly a third (half) counts as passed.</li>
 *   <li><b>By period, a fee for more than a month</b> (나 2): the months run from the first session's day, as periods
 *   do in the Civil Code (민법 제160조): month k holds the days at least k−1 and fewer than k whole months after the
 *   first day (a first day of 31 January: month 2 from 1 March); the fee covers as many months as it takes to reach
 *   the last session's day. Each month's fee is its share of the class time (as
 *   in the Ministry of Education's example: 3월 학습비 = 12회/48회 × 학습비). The refund is 가 applied to the month in
 *   which the learner quits (a month whose classes have not started yet comes back whole) plus the later months
 *   whole, rounded once at the end.</li>
 *   <li><b>By sessions</b> (비고 5, 회차 단위): paid × sessions not yet started / all sessions; a session that has
 *   started is held.</li>
 * </ul>
 * Amounts are whole won; a share of the fee is rounded down to 10 won (never more than the exact share), everything
 * paid comes back unrounded. Nothing paid gives {@link RefundStep#FREE_NONE}. A refund owed is due 5 days after the day
 * of its reason (제23조), in Seoul.
 */
public final class StatutoryRefund {

    /** One session of the offering: when it starts and ends (start before end). */
    public record Session(Instant start, Instant end) {
        public Session {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("A session must end after it starts: " + start + " – " + end);
            }
        }

        long millis() {
            return Duration.between(start, end).toMillis();
        }

        /** How much of this session was held before {@code at}. */
        long heldBefore(Instant at) {
            if (!at.isAfter(start)) {
                return 0;
            }
            return at.isBefore(end) ? Duration.between(start, at).toMillis() : millis();
        }

        LocalDate day() {
            return LocalDate.ofInstant(start, Formats.SEOUL);
        }
    }

    /** The share of a period's fee that comes back, and the steps that name it. */
    private enum Part {
        ALL(1, 1, RefundStep.BEFORE_START_ALL, RefundStep.MONTHLY_MONTH_NOT_STARTED_ALL),
        TWO_THIRDS(2, 3, RefundStep.BEFORE_THIRD_TWO_THIRDS, RefundStep.MONTHLY_BEFORE_THIRD_TWO_THIRDS),
        HALF(1, 2, RefundStep.BEFORE_HALF_HALF, RefundStep.MONTHLY_BEFORE_HALF_HALF),
        NONE(0, 1, RefundStep.AFTER_HALF_NONE, RefundStep.MONTHLY_AFTER_HALF_NONE);

        final long numerator;
        final long denominator;
        final RefundStep single;
        final RefundStep monthly;

        Part(long numerator, long denominator, RefundStep single, RefundStep monthly) {
            this.numerator = numerator;
            this.denominator = denominator;
            this.single = single;
            this.monthly = monthly;
        }

        /** 가목: by the class time passed out of the class time of the period; nothing held yet is "before the start". */
        static Part of(long passed, long total, boolean started) {
            if (!started || total == 0) {
                return ALL;
            }
            if (Math.multiplyExact(passed, 3) < total) {
                return TWO_THIRDS;
            }
            return Math.multiplyExact(passed, 2) < total ? HALF : NONE;
        }
    }

    private StatutoryRefund() {
    }

    /**
     * The refund of {@code paid} won for an offering whose sessions are {@code sessions}, for {@code reason}.
     *
     * @param paid     what was paid, in won (≥ 0)
     * @param basis    the offering's refund basis (ignored when the centre cannot hold the class)
     * @param sessions every session of the offering that the fee covers, ascending and not overlapping
     * @param reason   the learner quits at a moment, or the centre cannot hold the class from a day on
     */
    public static Refund of(long paid, RefundBasis basis, List<Session> sessions, RefundReason reason) {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reason, "reason");
        if (paid < 0) {
            throw new IllegalArgumentException("Paid must not be negative: " + paid);
        }
        checkOrder(sessions);
        LocalDate day = reason.day();
        if (paid == 0) {
            return Refund.of(0, RefundStep.FREE_NONE, day, 0, 0, 0);
        }
        return switch (reason) {
            case RefundReason.CentreCannotHold centre -> byClassDays(paid, sessions, centre.from());
            case RefundReason.LearnerQuits quit -> learnerQuits(paid, basis, sessions, quit.at());
        };
    }

    /** The sessions of an offering held on {@code days} from {@code start} to {@code end} (Seoul time). */
    public static List<Session> sessions(List<LocalDate> days, LocalTime start, LocalTime end) {
        return days.stream().map(d -> new Session(d.atTime(start).atZone(Formats.SEOUL).toInstant(),
                d.atTime(end).atZone(Formats.SEOUL).toInstant())).toList();
    }

    private static Refund learnerQuits(long paid, RefundBasis basis, List<Session> sessions, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, Formats.SEOUL);
        if (sessions.isEmpty() || at.isBefore(sessions.getFirst().start())) {
            return Refund.of(paid, RefundStep.BEFORE_START_ALL, day, paid, 0, 0);
        }
        if (basis == RefundBasis.SESSIONS) {
            int left = (int) sessions.stream().filter(s -> s.start().isAfter(at)).count();
            return Refund.of(share(paid, left, sessions.size()), RefundStep.REMAINING_SESSIONS, day, paid, left,
                    sessions.size());
        }
        LocalDate firstDay = sessions.getFirst().day();
        int months = monthOf(firstDay, sessions.getLast().day());
        if (months == 1) {
            Part part = Part.of(held(sessions, at), classTime(sessions), true);
            return Refund.of(share(paid, part.numerator, part.denominator), part.single, day, paid, 0, 0);
        }
        int month = Math.min(monthOf(firstDay, day), months);
        List<Session> thisMonth = sessions.stream().filter(s -> monthOf(firstDay, s.day()) == month).toList();
        long later = classTime(sessions.stream().filter(s -> monthOf(firstDay, s.day()) > month).toList());
        boolean started = !thisMonth.isEmpty() && !at.isBefore(thisMonth.getFirst().start());
        long monthTime = classTime(thisMonth);
        Part part = Part.of(held(thisMonth, at), monthTime, started);
        // (this month × part + later months) / all class time, as one fraction: rounded once
        long numerator = Math.addExact(Math.multiplyExact(monthTime, part.numerator),
                Math.multiplyExact(later, part.denominator));
        long denominator = Math.multiplyExact(classTime(sessions), part.denominator);
        return Refund.of(share(paid, numerator, denominator), part.monthly, day, paid, month, months);
    }

    private static Refund byClassDays(long paid, List<Session> sessions, LocalDate from) {
        List<LocalDate> days = sessions.stream().map(Session::day).distinct().toList();
        if (days.isEmpty()) {
            return Refund.of(paid, RefundStep.CENTRE_PRO_RATA_DAYS, from, paid, 0, 0);
        }
        int notGiven = (int) days.stream().filter(d -> !d.isBefore(from)).count();
        return Refund.of(share(paid, notGiven, days.size()), RefundStep.CENTRE_PRO_RATA_DAYS, from, paid, notGiven,
                days.size());
    }

    /** Month k (from 1) of a fee period that starts on {@code first}: k − 1 whole months have passed by {@code day}. */
    static int monthOf(LocalDate first, LocalDate day) {
        return Math.toIntExact(ChronoUnit.MONTHS.between(first, day)) + 1;
    }

    private static long classTime(List<Session> sessions) {
        return sessions.stream().mapToLong(Session::millis).reduce(0, Math::addExact);
    }

    private static long held(List<Session> sessions, Instant at) {
        return sessions.stream().mapToLong(s -> s.heldBefore(at)).reduce(0, Math::addExact);
    }

    /** paid × numerator / denominator: all of it when the fraction is whole, else exactly, rounded down to 10 won. */
    private static long share(long paid, long numerator, long denominator) {
        if (numerator >= denominator) {
            return paid;
        }
        if (numerator <= 0) {
            return 0;
        }
        long exact = BigInteger.valueOf(paid).multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator)).longValueExact();
        return Fee.roundDown10(exact);
    }

    private static void checkOrder(List<Session> sessions) {
        Objects.requireNonNull(sessions, "sessions");
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
                throw new IllegalArgumentException("Sessions must be ascending and not overlap: " + sessions.get(i - 1)
                        + " then " + sessions.get(i));
            }
        }
    }
}
