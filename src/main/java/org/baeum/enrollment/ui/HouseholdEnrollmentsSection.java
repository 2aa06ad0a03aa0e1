package org.baeum.enrollment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import org.baeum.base.ui.CitizenDeskSection;

/**
 * Puts a way to the household's enrolments ({@link CitizenEnrollmentsView}: the list, offers, cancellation and
 * assisted enrolment) on the citizen record page ({@code /staff/citizens/:id}); the account feature knows nothing of
 * enrolment, it only asks the {@link CitizenDeskSection}s it is given. Only plain HTML here: web components must be
 * used on a route of this feature to be in its production chunk.
 */
@org.springframework.stereotype.Component
class HouseholdEnrollmentsSection implements CitizenDeskSection {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(String citizenAccountId) {
        Section section = new Section();
        section.addClassName("baeum-citizen-enrollments-link");
        H2 heading = new H2(section.getTranslation("enrolHousehold.title"));
        Anchor open = new Anchor("staff/citizens/" + citizenAccountId + "/enrollments",
                section.getTranslation("enrolHousehold.open"));
        section.add(heading, open);
        return section;
    }
}
