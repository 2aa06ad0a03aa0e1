package org.baeum.attendance.completion;

import java.time.LocalDate;
import org.baeum.attendance.completion.CompletionCheck.Standing;
import org.baeum.enrollment.EnrollmentId;

/**
 * One enrolled participant's way to completion, for the instructor or STAFF: the share attended so far and the
 * share needed, whether it can still be reached (and from which session it no longer could), the portfolio flag.
 */
public record ParticipantProgress(EnrollmentId enrollmentId, String name, Standing standing, CompletionRule rule,
                                  boolean portfolio) {

    public double shareSoFar() {
        return standing.shareSoFar();
    }

    public double needed() {
        return rule.share();
    }

    /**
     * Whether the points earned so far reach the rule's share of the sessions held so far (compared in integers, so
     * exactly 2/3 meets 2/3); before the first session nothing is missed yet, so it is met.
     */
    public boolean meetsSoFar() {
        return standing.earned() * rule.denominator() >= (long) rule.numerator() * standing.possibleNow();
    }

    public boolean reachable() {
        return standing.reachable();
    }

    public LocalDate lostOn() {
        return standing.lostOn();
    }
}
