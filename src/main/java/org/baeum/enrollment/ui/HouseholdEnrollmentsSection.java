package org.baeum.enrollment.ui;

import com.vaadin.flow.component.Component;
import java.time.Clock;
import org.baeum.account.AccountId;
import org.baeum.account.HouseholdService;
import org.baeum.base.ui.CitizenDeskSection;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.EnrollmentService;

/**
 * Puts the household's enrolments, and assisted enrolment, on the citizen record page ({@code /staff/citizens/:id}):
 * staff helping a citizen at the desk have everything on one page, and the account feature still knows nothing of
 * enrolment (it only asks the {@link CitizenDeskSection}s it is given).
 */
@org.springframework.stereotype.Component
class HouseholdEnrollmentsSection implements CitizenDeskSection {

    private final EnrollmentService enrollments;
    private final CatalogService catalog;
    private final HouseholdService households;
    private final Clock clock;

    HouseholdEnrollmentsSection(EnrollmentService enrollments, CatalogService catalog, HouseholdService households,
                                Clock clock) {
        this.enrollments = enrollments;
        this.catalog = catalog;
        this.households = households;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(String citizenAccountId) {
        return new HouseholdEnrollments(enrollments, catalog, households, clock, new AccountId(citizenAccountId));
    }
}
