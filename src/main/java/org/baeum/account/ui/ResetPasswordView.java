package org.baeum.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.baeum.account.LinkOutcome;
import org.baeum.account.RegistrationService;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.ui.FieldErrors;

/**
 * Opens from a reset or invitation mail: a new password twice. Afterwards every session of the account has
 * ended and the person signs in with the new password.
 */
@Route(RegistrationService.RESET_PAGE)
@AnonymousAllowed
class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RegistrationService registration;
    final PasswordField password = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button save = new Button();
    private String token = "";

    ResetPasswordView(RegistrationService registration) {
        this.registration = registration;
        addClassName("baeum-form-page");
        password.setLabel(getTranslation("reset.password"));
        password.setHelperText(getTranslation("signup.password.helper"));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirm.setLabel(getTranslation("signup.confirm"));
        confirm.setAutocomplete(Autocomplete.NEW_PASSWORD);
        for (PasswordField f : new PasswordField[] {password, confirm}) {
            f.setRequiredIndicatorVisible(true);
            f.setWidth("min(100%, 28rem)");
        }
        save.setText(getTranslation("reset.submit"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        removeAll();
        LinkOutcome check = registration.checkReset(token);
        if (check == LinkOutcome.DONE) {
            add(new H1(getTranslation("reset.title")), new Paragraph(getTranslation("reset.intro")), password, confirm, save);
        } else {
            add(new LinkResultPage("reset", check, "forgot-password", "reset.next.again"));
        }
    }

    void save() {
        Map<String, HasValidation> fields = Map.of("password", password, "confirm", confirm);
        FieldErrors.clear(fields);
        try {
            if (!password.getValue().equals(confirm.getValue())) {
                throw InvalidInputException.of("confirm", "signup.confirm.mismatch");
            }
            LinkOutcome outcome = registration.resetPassword(token, password.getValue());
            removeAll();
            add(new LinkResultPage("reset", outcome, outcome == LinkOutcome.DONE ? "login" : "forgot-password",
                    outcome == LinkOutcome.DONE ? "signup.done.toLogin" : "reset.next.again"));
        } catch (InvalidInputException e) {
            FieldErrors.show(fields, e.problems(), (key, args) -> getTranslation(key, args));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title") + " | " + getTranslation("app.name");
    }
}
