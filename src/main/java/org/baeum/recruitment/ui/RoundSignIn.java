package org.baeum.recruitment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.baeum.base.security.Role;
import org.baeum.recruitment.RoundId;

/**
 * The "sign in and apply" link of a round's page. It is for citizens only, so a visitor who follows it is sent to the
 * sign-in page by the portal's navigation access control, which keeps this address; once signed in they come back
 * here and go on to the round's page, where the form is.
 */
@Route("rounds/:id/apply")
@RolesAllowed(Role.CITIZEN_NAME)
class RoundSignIn extends Div implements BeforeEnterObserver {

    static String path(RoundId round) {
        return "rounds/" + round.value() + "/apply";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").filter(RoundId::wellFormed).orElse("");
        event.forwardTo("rounds/" + id);
    }
}
