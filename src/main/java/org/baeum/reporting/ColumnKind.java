package org.baeum.reporting;

/**
 * What a column's numbers are. {@code PEOPLE} is 실인원 (distinct persons) and {@code PERSON_SESSIONS} is 연인원
 * (person-sessions attended): the two are never mixed in one column, and the JSON names them {@code people} and
 * {@code personSessions}.
 */
public enum ColumnKind {
    TEXT, COUNT, PEOPLE, PERSON_SESSIONS, KRW, PERCENT
}
