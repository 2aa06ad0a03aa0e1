package org.baeum.enrollment;

/** A participant's full contact as an instructor opened it: the household's address (a child's is the parent's). */
public record RosterContact(EnrollmentId id, String name, String email) {
}
