package org.baeum.attendance.completion;

import org.baeum.enrollment.EnrollmentId;

/**
 * A participant's confirmed completion: whether they completed, the sessions they attended and the hours that makes
 * (sessions × the offering's session length), and their certificate's verification code when one was issued.
 */
public record Completion(EnrollmentId enrollmentId, String name, boolean completed, int sessions, double hours,
                         String certificateCode) {
}
