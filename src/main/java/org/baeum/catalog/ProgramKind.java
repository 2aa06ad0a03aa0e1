package org.baeum.catalog;

/** What kind of thing a program is; translated as {@code programKind.<NAME>}. */
public enum ProgramKind {
    CLASS, LITERACY, SPORTS_LESSON, GYM_MEMBERSHIP, CLUB, LECTURE
}
