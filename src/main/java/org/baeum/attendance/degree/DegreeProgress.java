package org.baeum.attendance.degree;

import java.util.List;
import java.util.Optional;
import org.baeum.account.ParticipantId;

/**
 * A participant's way to the honorary citizen degree under one rule version: the hours counted, the awards and
 * approved outputs so far, the next level (none once every level is awarded), the hours still needed for it and
 * whether its output is still missing. A plain rule: {@link #of} decides, no Spring and no Mongo.
 */
public record DegreeProgress(ParticipantId participant, String name, double hours, int ruleVersion,
                             DegreeLevel nextLevel, double hoursNeeded, boolean outputMissing,
                             List<DegreeAward> awards, List<ApprovedOutput> outputs) {

    public DegreeProgress {
        awards = List.copyOf(awards);
        outputs = List.copyOf(outputs);
    }

    /**
     * The progress of a participant with these counted hours, awards and approved outputs under {@code rule}: the next
     * level is the first of the rule's levels not awarded yet; it needs the cumulative hours of the rule up to it.
     */
    public static DegreeProgress of(ParticipantId participant, String name, double hours, DegreeRuleSet rule,
                                    List<DegreeAward> awards, List<ApprovedOutput> outputs) {
        Optional<LevelRule> next = rule.levels().stream()
                .filter(l -> awards.stream().noneMatch(a -> a.level() == l.level())).findFirst();
        if (next.isEmpty()) {
            return new DegreeProgress(participant, name, hours, rule.version(), null, 0, false, awards, outputs);
        }
        DegreeLevel level = next.get().level();
        double needed = Math.max(0, rule.cumulativeHours(level) - hours);
        boolean missing = next.get().outputRequired() && outputs.stream().noneMatch(o -> o.level() == level);
        return new DegreeProgress(participant, name, hours, rule.version(), level, needed, missing, awards, outputs);
    }

    /** Whether the next level may be awarded now: its hours are reached and its output, if required, approved. */
    public boolean eligible() {
        return nextLevel != null && hoursNeeded <= 0 && !outputMissing;
    }

    /** Whether an output for this level was approved. */
    public boolean outputApproved(DegreeLevel level) {
        return outputs.stream().anyMatch(o -> o.level() == level);
    }
}
