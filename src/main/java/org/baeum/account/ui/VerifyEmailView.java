package org.baeum.account.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.baeum.account.LinkOutcome;
import org.baeum.account.RegistrationService;

/** Opens from the verification mail: confirms the address, or says clearly why the link no longer works. */
@Route(RegistrationService.VERIFY_PAGE)
@AnonymousAllowed
class VerifyEmailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RegistrationService registration;
    LinkOutcome outcome;

    VerifyEmailView(RegistrationService registration) {
        this.registration = registration;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        outcome = registration.verifyEmail(token);
        removeAll();
        boolean good = outcome == LinkOutcome.DONE || outcome == LinkOutcome.ALREADY_DONE;
        add(new LinkResultPage("verify", outcome, good ? "my/household" : "my/account",
                good ? "verify.next.household" : "verify.next.resend"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title") + " | " + getTranslation("app.name");
    }
}
