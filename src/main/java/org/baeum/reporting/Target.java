package org.baeum.reporting;

/**
 * A yearly target (추진 목표): on a line and key, a value in a measure ({@link ColumnKind#PEOPLE} 실인원 or
 * {@link ColumnKind#PERSON_SESSIONS} 연인원). One per year, line, key and measure.
 */
public record Target(int year, TargetLine line, String key, ColumnKind measure, long value) {
}
