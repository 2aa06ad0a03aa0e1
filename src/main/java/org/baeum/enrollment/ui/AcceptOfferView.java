package org.baeum.enrollment.ui;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.baeum.enrollment.OfferLinks;
import org.baeum.enrollment.internal.EnrollmentMail;

/** The "accept" link of an offer mail: the offer and one button that accepts it. */
@Route(EnrollmentMail.ACCEPT_PAGE)
@AnonymousAllowed
class AcceptOfferView extends OfferLinkPage {

    AcceptOfferView(OfferLinks enrollments) {
        super(enrollments, true);
    }
}
