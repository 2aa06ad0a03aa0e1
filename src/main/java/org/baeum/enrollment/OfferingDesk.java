package org.baeum.enrollment;

import java.util.List;
import org.baeum.catalog.Offering;

/**
 * One offering as STAFF see it at the desk: seats, the enrolled (names masked), held offers, the waitlist in order,
 * and the offering's enrolment rules.
 */
public record OfferingDesk(Offering offering, int capacity, int taken, int left, List<Enrollment> enrolled,
                           List<Enrollment> offers, List<Enrollment> waitlist, OfferingRules rules) {
}
