package org.baeum.account.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.baeum.account.LinkOutcome;
import org.baeum.account.RegistrationService;

/** Opens from the "stop reminders" link in reminder mail: turns reminders off, or says why the link does not work. */
@Route(RegistrationService.UNSUBSCRIBE_PAGE)
@AnonymousAllowed
class UnsubscribeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RegistrationService registration;

    UnsubscribeView(RegistrationService registration) {
        this.registration = registration;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        removeAll();
        add(new LinkResultPage("unsubscribe", registration.unsubscribe(token), "my/account", "verify.next.resend"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unsubscribe.title") + " | " + getTranslation("app.name");
    }
}
