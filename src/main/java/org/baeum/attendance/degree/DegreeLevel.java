package org.baeum.attendance.degree;

/**
 * The levels of the honorary citizen degree (명예시민학위), in the order they are awarded: 학사, 석사, 박사. Each has a
 * text {@code degree.level.<NAME>} in both bundles. Stored by name: never rename one.
 */
public enum DegreeLevel {
    BACHELOR, MASTER, DOCTOR;

    public String messageKey() {
        return "degree.level." + name();
    }
}
