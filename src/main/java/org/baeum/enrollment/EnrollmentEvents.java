package org.baeum.enrollment;

import org.baeum.account.ParticipantId;
import org.baeum.catalog.OfferingId;

/** Past-tense events of the enrolment feature, published after the change is stored. */
public final class EnrollmentEvents {

    private EnrollmentEvents() {
    }

    public record Enrolled(EnrollmentId enrollment, OfferingId offering, ParticipantId participant) {
    }

    public record WaitlistJoined(EnrollmentId enrollment, OfferingId offering, int position) {
    }

    public record OfferMade(EnrollmentId enrollment, OfferingId offering, java.time.Instant expiresAt) {
    }

    /** A seat was given back (cancellation, decline, expiry, non-payment); the waitlist is offered it next. */
    public record SeatReleased(EnrollmentId enrollment, OfferingId offering, EnrollmentStatus because) {
    }
}
