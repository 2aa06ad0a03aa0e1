package org.baeum.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.baeum.account.RegistrationService;

/** Asks for an address and sends a reset link if an account has it; says the same either way. */
@Route("forgot-password")
@AnonymousAllowed
class ForgotPasswordView extends VerticalLayout implements HasDynamicTitle {

    final EmailField email = new EmailField();
    final Button send = new Button();

    ForgotPasswordView(RegistrationService registration) {
        addClassName("baeum-form-page");
        email.setLabel(getTranslation("forgot.email"));
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setRequiredIndicatorVisible(true);
        email.setWidth("min(100%, 28rem)");
        send.setText(getTranslation("forgot.submit"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            if (email.getValue().isBlank()) {
                email.setErrorMessage(getTranslation("account.email.required"));
                email.setInvalid(true);
                email.focus();
                return;
            }
            registration.requestPasswordReset(email.getValue());
            removeAll();
            Paragraph sent = new Paragraph(getTranslation("forgot.sent", email.getValue().strip()));
            sent.getElement().setAttribute("role", "status");
            add(new H1(getTranslation("forgot.title")), sent, new Anchor("login", getTranslation("signup.done.toLogin")));
        });
        add(new H1(getTranslation("forgot.title")), new Paragraph(getTranslation("forgot.intro")), email, send);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.title") + " | " + getTranslation("app.name");
    }
}
