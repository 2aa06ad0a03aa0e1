package org.baeum.enrollment.ui;

import com.vaadin.flow.component.Component;
import java.time.Clock;
import java.util.Optional;
import org.baeum.account.HouseholdService;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingAction;
import org.baeum.enrollment.CitizenEnrollments;

/**
 * Enrolment's part of the catalog's offering page: the action panel for a citizen, the way to sign in for a visitor,
 * nothing for staff and instructors (the desk has its own screens).
 */
@org.springframework.stereotype.Component
class EnrollmentAction implements OfferingAction {

    private final CitizenEnrollments enrollments;
    private final HouseholdService households;
    private final CurrentUser currentUser;
    private final Clock clock;

    EnrollmentAction(CitizenEnrollments enrollments, HouseholdService households, CurrentUser currentUser, Clock clock) {
        this.enrollments = enrollments;
        this.households = households;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public Optional<Component> create(Offering offering) {
        Optional<BaeumUser> user = currentUser.get();
        if (user.isEmpty()) {
            return Optional.of(new SignInToEnroll(offering, clock.instant()));
        }
        if (!user.get().hasRole(Role.CITIZEN)) {
            return Optional.empty();
        }
        return Optional.of(new EnrollmentPanel(enrollments, households.myParticipants(), offering, clock));
    }
}
