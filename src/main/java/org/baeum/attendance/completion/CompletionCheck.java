package org.baeum.attendance.completion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.baeum.attendance.AttendancePoints;
import org.baeum.attendance.AttendanceStatus;

/**
 * Completion by rule, in plain Java: from an offering's sessions (less those a closure cancelled, which never count),
 * the day it is, a participant's marks and the program's points, how much they attended, whether the rule is met and
 * whether it still can be if they attend every remaining session. A held session without a mark earns nothing.
 * Shares are points earned over the points of full attendance ({@link AttendancePoints#present()} per session);
 * the comparisons are exact (integers, no rounding).
 */
public final class CompletionCheck {

    private CompletionCheck() {
    }

    /**
     * @param sessions  the offering's session days, in order
     * @param cancelled days a closure cancelled (left out of everything)
     * @param today     sessions on or before this day are held
     * @param marks     the participant's marks by session day
     * @param portfolio whether their portfolio or assessment was accepted
     */
    public static Standing evaluate(List<LocalDate> sessions, Set<LocalDate> cancelled, LocalDate today,
                                    Map<LocalDate, AttendanceStatus> marks, AttendancePoints points,
                                    CompletionRule rule, boolean portfolio) {
        return evaluate(sessions, cancelled, day -> !day.isAfter(today), marks, points, rule, portfolio);
    }

    /**
     * The standing while a class runs, for warnings and the running-class figures (decision 0035, amended): only a
     * session on or before {@code today} whose mark for this participant is stored counts as held; any other (today's
     * before it is marked, one the instructor has not marked yet, a future one) is pending and could still be attended.
     * Never use it for the decision at confirmation, where a session without a mark after the last one is an absence.
     */
    public static Standing soFar(List<LocalDate> sessions, Set<LocalDate> cancelled, LocalDate today,
                                 Map<LocalDate, AttendanceStatus> marks, AttendancePoints points,
                                 CompletionRule rule, boolean portfolio) {
        return evaluate(sessions, cancelled, day -> !day.isAfter(today) && marks.get(day) != null, marks, points,
                rule, portfolio);
    }

    private static Standing evaluate(List<LocalDate> sessions, Set<LocalDate> cancelled, Predicate<LocalDate> isHeld,
                                     Map<LocalDate, AttendanceStatus> marks, AttendancePoints points,
                                     CompletionRule rule, boolean portfolio) {
        List<LocalDate> counting = sessions.stream().filter(d -> !cancelled.contains(d)).sorted().toList();
        int total = counting.size();
        long full = points.present();
        long needed = (long) rule.numerator() * total * full; // compared with denominator × points
        long earned = 0;
        int held = 0;
        int attended = 0;
        LocalDate lostOn = null;
        for (LocalDate day : counting) {
            if (!isHeld.test(day)) {
                continue;
            }
            held++;
            AttendanceStatus status = marks.get(day);
            int worth = status == null ? 0 : points.of(status);
            earned += worth;
            if (worth > 0) {
                attended++;
            }
            long best = earned + (total - held) * full;
            if (lostOn == null && best * rule.denominator() < needed) {
                lostOn = day;
            }
        }
        boolean allHeld = held == total;
        boolean shareMet = earned * rule.denominator() >= needed;
        boolean portfolioMet = !rule.portfolioRequired() || portfolio;
        return new Standing(held, total, attended, earned, held * full, total * full, shareMet && allHeld,
                portfolioMet, lostOn == null, lostOn);
    }

    /**
     * A participant's standing.
     *
     * @param held         sessions held so far
     * @param total        sessions that count in all
     * @param attended     held sessions whose mark earned points
     * @param earned       points earned so far
     * @param possibleNow  the points full attendance would have earned so far
     * @param possible     the points full attendance earns over all sessions
     * @param shareMet     every session is held and the points earned reach the rule's share of all sessions
     * @param portfolioMet no portfolio is required, or it was accepted
     * @param reachable    attending every remaining session would still reach the share
     * @param lostOn       the session after which the share can no longer be reached, or {@code null}
     */
    public record Standing(int held, int total, int attended, long earned, long possibleNow, long possible,
                           boolean shareMet, boolean portfolioMet, boolean reachable, LocalDate lostOn) {

        /** The share attended so far (0 before the first session). */
        public double shareSoFar() {
            return possibleNow == 0 ? 0 : (double) earned / possibleNow;
        }

        /** Completed: the share over all sessions is reached and any portfolio accepted. */
        public boolean completed() {
            return shareMet && portfolioMet && attended > 0;
        }
    }
}
