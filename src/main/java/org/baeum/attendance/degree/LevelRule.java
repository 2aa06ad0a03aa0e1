package org.baeum.attendance.degree;

/**
 * One level of a degree rule: the whole hours it needs beyond the previous level, and whether an approved output (a
 * learning output for 석사, a research output for 박사) is required as well.
 */
public record LevelRule(DegreeLevel level, int hours, boolean outputRequired) {

    /** The most hours one level may ask for. */
    public static final int MAX_HOURS = 10_000;
}
