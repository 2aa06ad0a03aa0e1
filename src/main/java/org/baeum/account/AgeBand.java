package org.baeum.account;

import java.time.LocalDate;

/**
 * The age bands reports group participants by (연령대), from the age in full years on a day (for an enrolment: the
 * class's first session day). {@code UNKNOWN}: no birth date was known. Translated as {@code ageBand.<NAME>}.
 */
public enum AgeBand {
    /** 유아, under 7 */
    UNDER_7,
    /** 어린이, 7 to 12 */
    AGE_7_12,
    /** 청소년, 13 to 18 */
    AGE_13_18,
    AGE_19_29,
    AGE_30S,
    AGE_40S,
    AGE_50S,
    AGE_60S,
    /** 70세 이상 */
    AGE_70_PLUS,
    UNKNOWN;

    public static AgeBand of(LocalDate birthDate, LocalDate day) {
        if (birthDate == null) {
            return UNKNOWN;
        }
        return ofAge(Ages.on(birthDate, day));
    }

    public static AgeBand ofAge(int age) {
        if (age < 7) {
            return UNDER_7;
        }
        if (age <= 12) {
            return AGE_7_12;
        }
        if (age <= 18) {
            return AGE_13_18;
        }
        if (age <= 29) {
            return AGE_19_29;
        }
        if (age >= 70) {
            return AGE_70_PLUS;
        }
        return values()[AGE_30S.ordinal() + (age - 30) / 10];
    }
}
