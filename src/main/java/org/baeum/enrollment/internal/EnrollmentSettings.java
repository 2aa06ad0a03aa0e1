package org.baeum.enrollment.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Enrolment settings ({@code baeum.enrollment.*}, environment variables in README).
 *
 * @param offerHold              {@code BAEUM_OFFER_HOLD}: how long an offer holds a seat unless STAFF set another
 *                               hold for the offering (default 24 h)
 * @param offerReminderBefore    mail "your offer ends soon" this long before an offer runs out (default 3 h)
 * @param offerEndsBeforeStart   an offer always ends this long before the first session starts (default 2 h)
 * @param citizenCancelCutoff    {@code BAEUM_CANCEL_CUTOFF}: citizens cancel online until this long before the first
 *                               session (default 1 day); STAFF at any time
 * @param paymentReminderBefore  mail this long before a payment deadline (default 1 day)
 * @param latePaymentGrace       who enrols close to (or after) the deadline has at least this long to pay (2 days)
 * @param sweep                  {@code BAEUM_ENROLLMENT_SWEEP}: how often due work and the recovery sweep run (30 s)
 * @param recoveryGrace          a step older than this whose request has not finished is finished by the sweep (2 min)
 */
@ConfigurationProperties("baeum.enrollment")
public record EnrollmentSettings(Duration offerHold, Duration offerReminderBefore, Duration offerEndsBeforeStart,
                                 Duration citizenCancelCutoff,
                                 Duration paymentReminderBefore, Duration latePaymentGrace, Duration sweep,
                                 Duration recoveryGrace) {

    public EnrollmentSettings {
        offerHold = offerHold == null ? Duration.ofHours(24) : offerHold;
        offerReminderBefore = offerReminderBefore == null ? Duration.ofHours(3) : offerReminderBefore;
        offerEndsBeforeStart = offerEndsBeforeStart == null ? Duration.ofHours(2) : offerEndsBeforeStart;
        citizenCancelCutoff = citizenCancelCutoff == null ? Duration.ofDays(1) : citizenCancelCutoff;
        paymentReminderBefore = paymentReminderBefore == null ? Duration.ofDays(1) : paymentReminderBefore;
        latePaymentGrace = latePaymentGrace == null ? Duration.ofDays(2) : latePaymentGrace;
        sweep = sweep == null ? Duration.ofSeconds(30) : sweep;
        recoveryGrace = recoveryGrace == null ? Duration.ofMinutes(2) : recoveryGrace;
    }
}
