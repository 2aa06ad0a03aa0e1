package org.baeum.enrollment.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.time.Instant;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingStatus;

/** What a visitor who is not signed in sees instead of the action: when enrolment opens, and the way to sign in. */
class SignInToEnroll extends Section {

    final Anchor signIn = new Anchor("login", getTranslation("enrol.signIn"));

    SignInToEnroll(Offering offering, Instant now) {
        addClassName("baeum-enrol");
        H2 heading = new H2(getTranslation("enrol.title"));
        heading.setId("baeum-enrol-heading");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading);
        OfferingStatus status = offering.status(now);
        if (status == OfferingStatus.PUBLISHED) {
            add(new Paragraph(getTranslation("enrol.opensAt", EnrollTexts.dateTime(this, offering.recruitment().opensAt()))));
        } else if (status != OfferingStatus.RECRUITING) {
            add(new Paragraph(getTranslation("enrollment.refused.CLOSED")));
            return;
        }
        signIn.addClassName("baeum-enrol-sign-in");
        add(new Paragraph(getTranslation("enrol.signIn.text")), new Paragraph(signIn));
    }
}
