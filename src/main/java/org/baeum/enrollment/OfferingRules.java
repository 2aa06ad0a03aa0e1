package org.baeum.enrollment;

import java.time.Duration;
import java.time.Instant;

/**
 * What STAFF set per offering for enrolment: how long an offer holds a seat, and an optional payment deadline after
 * which unpaid enrolments are released.
 */
public record OfferingRules(Duration offerHold, Instant paymentDeadline) {
}
