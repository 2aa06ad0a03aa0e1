package org.baeum.enrollment.ui;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.baeum.enrollment.OfferLinks;
import org.baeum.enrollment.internal.EnrollmentMail;

/** The "decline" link of an offer mail: the offer and one button that declines it. */
@Route(EnrollmentMail.DECLINE_PAGE)
@AnonymousAllowed
class DeclineOfferView extends OfferLinkPage {

    DeclineOfferView(OfferLinks enrollments) {
        super(enrollments, false);
    }
}
