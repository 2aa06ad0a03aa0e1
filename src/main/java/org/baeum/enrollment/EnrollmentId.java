package org.baeum.enrollment;

import java.util.Objects;

/** Identifies one enrolment or waitlist entry (수강신청). */
public record EnrollmentId(String value) {
    public EnrollmentId {
        Objects.requireNonNull(value, "value");
    }
}
