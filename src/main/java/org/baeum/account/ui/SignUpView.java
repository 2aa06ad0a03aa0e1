package org.baeum.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import org.baeum.account.AccountRules;
import org.baeum.account.District;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.i18n.Formats;
import org.baeum.account.RegistrationService;
import org.baeum.account.SignUpRequest;
import org.baeum.account.SignUpThrottledException;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.ui.FieldErrors;

/**
 * Citizen sign-up: name, email, optional mobile, birth date, district, language, password, consent to the privacy
 * notice. Never a resident registration number. After sign-up the page says to check the mail, in the same words
 * whether the address was new or already had an account.
 */
@Route("signup")
@AnonymousAllowed
class SignUpView extends VerticalLayout implements HasDynamicTitle {

    final TextField name = new TextField();
    final EmailField email = new EmailField();
    final TextField mobile = new TextField();
    final DatePicker birthDate = new DatePicker();
    final ComboBox<District> district = new ComboBox<>();
    final RadioButtonGroup<String> language = new RadioButtonGroup<>();
    final PasswordField password = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Checkbox consent = new Checkbox();
    final Button submit = new Button();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final RegistrationService registration;

    SignUpView(RegistrationService registration) {
        this.registration = registration;
        addClassName("baeum-form-page");
        add(new H1(getTranslation("signup.title")), new Paragraph(getTranslation("signup.intro")));

        name.setLabel(getTranslation("signup.name"));
        name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);
        email.setLabel(getTranslation("signup.email"));
        email.setHelperText(getTranslation("signup.email.helper"));
        email.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.EMAIL);
        mobile.setLabel(getTranslation("signup.mobile"));
        mobile.setHelperText(getTranslation("signup.mobile.helper"));
        mobile.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.TEL);
        birthDate.setLabel(getTranslation("signup.birthDate"));
        birthDate.setHelperText(getTranslation("signup.birthDate.helper"));
        birthDate.setMax(LocalDate.now());
        birthDate.setInitialPosition(LocalDate.now().minusYears(40));
        district.setLabel(getTranslation("signup.district"));
        district.setItems(District.values());
        district.setItemLabelGenerator(d -> getTranslation(d.messageKey()));
        language.setLabel(getTranslation("signup.language"));
        language.setItems("ko", "en");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        language.setValue(getLocale().getLanguage().equals("en") ? "en" : "ko");
        password.setLabel(getTranslation("signup.password"));
        password.setHelperText(getTranslation("signup.password.helper"));
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirm.setLabel(getTranslation("signup.confirm"));
        confirm.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        consent.setLabel(getTranslation("signup.consent"));
        List.<com.vaadin.flow.component.HasValue<?, ?>>of(name, email, birthDate, district, password, confirm)
                .forEach(f -> f.setRequiredIndicatorVisible(true));

        Details notice = new Details(getTranslation("signup.notice.title"),
                new Paragraph(getTranslation("signup.notice.items")),
                new Paragraph(getTranslation("signup.notice.purpose")),
                new Paragraph(getTranslation("signup.notice.retention")),
                new Paragraph(getTranslation("signup.notice.refuse")));
        notice.setOpened(true);

        fields.put("name", name);
        fields.put("email", email);
        fields.put("mobile", mobile);
        fields.put("birthDate", birthDate);
        fields.put("district", district);
        fields.put("language", language);
        fields.put("password", password);
        fields.put("confirm", confirm);
        fields.put("privacyConsent", consent);

        FormLayout form = new FormLayout(name, email, mobile, birthDate, district, language, password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        submit.setText(getTranslation("signup.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        submit.setDisableOnClick(true);
        add(form, notice, consent, submit,
                new Paragraph(new Anchor("login", getTranslation("signup.haveAccount"))));
    }

    void submit() {
        FieldErrors.clear(fields);
        try {
            SignUpRequest request = new SignUpRequest(name.getValue(), email.getValue(), mobile.getValue(),
                    birthDate.getValue(), district.getValue(), language.getValue(), password.getValue(), consent.getValue());
            if (!password.getValue().equals(confirm.getValue())) {
                // show the mismatch together with every other problem, storing nothing
                List<FieldProblem> problems = new ArrayList<>(AccountRules.signUp(request, LocalDate.now(Formats.SEOUL)));
                problems.add(FieldProblem.of("confirm", "signup.confirm.mismatch"));
                throw new InvalidInputException(problems);
            }
            registration.signUp(request, clientAddress());
            showDone(email.getValue().strip());
        } catch (InvalidInputException e) {
            FieldErrors.show(fields, e.problems(), (key, args) -> getTranslation(key, args));
            submit.setEnabled(true);
        } catch (SignUpThrottledException e) {
            Notification.show(getTranslation("signup.throttled", e.retryAfterMinutes()), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            submit.setEnabled(true);
        }
    }

    /** The browser's address (after {@code BAEUM_FORWARD_HEADERS} processing), for the sign-up limit per address. */
    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null ? null : session.getBrowser().getAddress();
    }

    /** The same page whether the address was new or already had an account (the mail differs, not the page). */
    private void showDone(String address) {
        removeAll();
        Div done = new Div();
        done.getElement().setAttribute("role", "status");
        done.add(new H1(getTranslation("signup.done.title")),
                new Paragraph(getTranslation("signup.done.mailSent", address)),
                new Paragraph(getTranslation("signup.done.signInNow")),
                new Anchor("login", getTranslation("signup.done.toLogin")));
        add(done);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signup.title") + " | " + getTranslation("app.name");
    }
}
