package org.baeum.enrollment.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentDesk;
import org.springframework.security.access.AccessDeniedException;

/**
 * A citizen's household enrolments for STAFF at the desk or on the phone ({@link HouseholdEnrollments}), reached from
 * the citizen record. A page of its own rather than a part of the record: Vaadin's production bundle loads web
 * components per route, found by following the route's classes, and the record (account feature) must not know this
 * feature's classes, so grids and fields placed into it from here would have no web component in production.
 */
@Route("staff/citizens/:id/enrollments")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
class CitizenEnrollmentsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient EnrollmentDesk enrollments;
    private final transient CitizenEnrollments entries;
    private final transient CatalogService catalog;
    private final transient HouseholdService households;
    private final transient Clock clock;
    HouseholdEnrollments household;
    private String name;

    CitizenEnrollmentsView(EnrollmentDesk enrollments, CitizenEnrollments entries, CatalogService catalog, HouseholdService households,
                           Clock clock) {
        this.enrollments = enrollments;
        this.entries = entries;
        this.catalog = catalog;
        this.households = households;
        this.clock = clock;
        addClassName("baeum-citizen-enrollments");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        Participant holder;
        try {
            holder = households.participant(new ParticipantId(id));
        } catch (AccessDeniedException unknown) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (!holder.self()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        name = holder.name();
        removeAll();
        try {
            household = new HouseholdEnrollments(enrollments, entries, catalog, households, clock, holder.household());
        } catch (AccessDeniedException notACitizen) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        add(new Anchor("staff/citizens/" + holder.household().value(), getTranslation("enrolHousehold.back")),
                new H1(getTranslation("enrolHousehold.heading", name)), new Paragraph(getTranslation("citizens.logged")),
                household);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("enrolHousehold.heading", name == null ? "" : name) + " | " + getTranslation("app.name");
    }
}
