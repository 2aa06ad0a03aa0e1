package org.baeum.attendance.degree;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of the degree rule (decision 0036): the levels in order with the hours each needs beyond the previous
 * one and whether an output is required, the least attendance share (percent, 0 = none) a completed program needs for
 * its hours to count, and the day it takes effect. Versions are never changed: saving new thresholds adds a version.
 *
 * @param changedBy the account that saved it ({@code null} for the seeded first version)
 */
public record DegreeRuleSet(int version, LocalDate effectiveFrom, List<LevelRule> levels, int minAttendancePercent,
                            String changedBy, Instant changedAt) {

    /** Seoul's current rule (서울시민대학): 학사 100 hours; 석사 200 more and an output; 박사 300 more and a research output. */
    public static final List<LevelRule> SEOUL = List.of(new LevelRule(DegreeLevel.BACHELOR, 100, false),
            new LevelRule(DegreeLevel.MASTER, 200, true), new LevelRule(DegreeLevel.DOCTOR, 300, true));

    public DegreeRuleSet {
        levels = List.copyOf(levels);
    }

    /** The level's own rule. */
    public LevelRule of(DegreeLevel level) {
        return levels.stream().filter(l -> l.level() == level).findFirst().orElseThrow();
    }

    /** The hours counted in all that a level needs: its own and those of every level before it. */
    public int cumulativeHours(DegreeLevel level) {
        int sum = 0;
        for (LevelRule l : levels) {
            sum += l.hours();
            if (l.level() == level) {
                return sum;
            }
        }
        throw new IllegalArgumentException("No level " + level + " in rule version " + version);
    }

    /** Whether a completed program with this attendance share (0–1) counts its hours under this version. */
    public boolean counts(double attendanceShare) {
        return minAttendancePercent <= 0 || attendanceShare * 100 >= minAttendancePercent - 1e-9;
    }
}
