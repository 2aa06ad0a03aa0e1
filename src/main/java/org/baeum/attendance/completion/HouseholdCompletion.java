package org.baeum.attendance.completion;

import java.time.LocalDate;
import org.baeum.enrollment.Enrollment;

/**
 * A completed enrolment of the caller's household: the enrolment (program title, participant), the sessions and hours
 * attended, the day completion was confirmed and the certificate's verification code ({@code null} until issued).
 */
public record HouseholdCompletion(Enrollment enrollment, int sessions, double hours, LocalDate completedOn,
                                  String certificateCode) {
}
