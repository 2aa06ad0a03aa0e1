package org.baeum.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.internal.EnrollmentSettings;
import org.baeum.enrollment.internal.OfferPolicy;
import org.baeum.enrollment.internal.OfferingRulesRepository;
import org.baeum.enrollment.internal.PaymentSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What STAFF set per offering for enrolment: how long offers hold a seat, and the payment deadline. */
@Service
public class OfferingRulesDesk {

    private static final Logger log = LoggerFactory.getLogger(OfferingRulesDesk.class);

    private final OfferingRulesRepository offeringRules;
    private final PaymentSchedule payments;
    private final CatalogService catalog;
    private final CurrentUser currentUser;
    private final EnrollmentSettings settings;
    private final Clock clock;

    OfferingRulesDesk(OfferingRulesRepository offeringRules, PaymentSchedule payments, CatalogService catalog,
                      CurrentUser currentUser, EnrollmentSettings settings, Clock clock) {
        this.offeringRules = offeringRules;
        this.payments = payments;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.settings = settings;
        this.clock = clock;
    }

    @PreAuthorize(EnrollmentDesk.STAFF)
    public OfferingRules rules(OfferingId offeringId) {
        return offeringRules.find(offeringId.value()).map(r -> new OfferingRules(
                        r.offerHold() == null ? settings.offerHold() : r.offerHold(), r.paymentDeadline(), r.refundBasis()))
                .orElse(new OfferingRules(settings.offerHold(), null));
    }

    /**
     * Sets how long offers hold a seat (1 hour to 7 days) and the payment deadline (optional: later than now and before
     * the first session); unpaid enrolments get their reminder and deadline scheduled. A deadline that has passed may
     * stay as it is while the hold changes, but a new one in the past is refused: it would release every unpaid
     * enrolment at the next sweep.
     *
     * @throws InvalidInputException at {@code offerHold} or {@code paymentDeadline}; nothing stored
     */
    @PreAuthorize(EnrollmentDesk.STAFF)
    public void saveRules(OfferingId offeringId, OfferingRules rules) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules.offerHold() == null || rules.offerHold().compareTo(Duration.ofHours(1)) < 0
                || rules.offerHold().compareTo(Duration.ofDays(7)) > 0) {
            problems.add(FieldProblem.of("offerHold", "enrollment.validation.offerHold"));
        }
        Offering o = CitizenEnrollments.offering(catalog, offeringId);
        Instant deadline = rules.paymentDeadline();
        if (deadline != null) {
            Instant stored = offeringRules.find(offeringId.value()).map(OfferingRules::paymentDeadline).orElse(null);
            if (!deadline.isAfter(clock.instant()) && !deadline.truncatedTo(ChronoUnit.MILLIS).equals(stored)) {
                problems.add(FieldProblem.of("paymentDeadline", "enrollment.validation.deadlinePast"));
            } else if (!o.sessionDates().isEmpty() && !deadline.isBefore(OfferPolicy.firstStart(o))) {
                problems.add(FieldProblem.of("paymentDeadline", "enrollment.validation.deadlineAfterStart"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        offeringRules.save(offeringId.value(), rules);
        payments.rescheduleOffering(offeringId.value());
        log.info("Offering {} enrolment rules set by {}: hold {}, payment deadline {}, refunds {}", offeringId.value(),
                currentUser.require().getUsername(), rules.offerHold(), rules.paymentDeadline(), rules.refundBasis());
    }
}
