package org.baeum.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStream;
import java.util.Map;
import java.util.stream.Collectors;
import org.baeum.account.Account;
import org.baeum.account.AccountService;
import org.baeum.account.District;
import org.baeum.account.PersonalDataService;
import org.baeum.account.ProfileChange;
import org.baeum.account.RegistrationService;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.ui.FieldErrors;

/**
 * The signed-in person's own account: profile, address confirmation, email and password changes (both ask for the
 * current password), "sign out everywhere", and for citizens the data download and account deletion.
 */
@Route("my/account")
@PermitAll
@Menu(order = 80, title = "nav.myAccount", icon = "vaadin:user")
class MyAccountView extends VerticalLayout implements HasDynamicTitle {

    private final AccountService accounts;
    private final RegistrationService registration;
    private final PersonalDataService personalData;
    private final transient AuthenticationContext authentication;

    final TextField name = new TextField();
    final TextField mobile = new TextField();
    final ComboBox<District> district = new ComboBox<>();
    final Checkbox reminders = new Checkbox();
    final Button saveProfile = new Button();
    final PasswordField emailPassword = new PasswordField();
    final EmailField newEmail = new EmailField();
    final Button changeEmail = new Button();
    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirmPassword = new PasswordField();
    final Button changePassword = new Button();
    final Button signOutEverywhere = new Button();
    final Button resend = new Button();
    final Button delete = new Button();

    MyAccountView(AccountService accounts, RegistrationService registration, PersonalDataService personalData,
                  AuthenticationContext authentication) {
        this.accounts = accounts;
        this.registration = registration;
        this.personalData = personalData;
        this.authentication = authentication;
        addClassName("baeum-my-account");
        Account me = accounts.myAccount();
        add(new H1(getTranslation("myAccount.title")));
        add(summary(me));
        add(profile(me), emailSection(me), passwordSection(), sessionsSection());
        if (me.citizen()) {
            add(dataSection());
        }
    }

    private Section summary(Account me) {
        Section s = new Section();
        s.add(readOnly("myAccount.username", me.username()), readOnly("myAccount.roles", me.roles().stream().sorted()
                        .map(r -> getTranslation("role." + r.name())).collect(Collectors.joining(", "))),
                readOnly("myAccount.since", Formats.dateTime(me.createdAt(), getLocale())));
        if (me.birthDate() != null) {
            s.add(readOnly("myAccount.birthDate", Formats.date(me.birthDate(), getLocale())));
        }
        s.add(new Paragraph(getTranslation("myAccount.languageHint")));
        return s;
    }

    private Section profile(Account me) {
        name.setLabel(getTranslation("signup.name"));
        name.setValue(me.displayName());
        name.setAutocomplete(Autocomplete.NAME);
        mobile.setLabel(getTranslation("signup.mobile"));
        mobile.setHelperText(getTranslation("signup.mobile.helper"));
        mobile.setValue(me.mobile() == null ? "" : me.mobile());
        district.setLabel(getTranslation("signup.district"));
        district.setItems(District.values());
        district.setItemLabelGenerator(d -> getTranslation(d.messageKey()));
        district.setValue(me.district());
        district.setVisible(me.citizen());
        reminders.setLabel(getTranslation("myAccount.reminders"));
        reminders.setValue(me.reminders());
        saveProfile.setText(getTranslation("myAccount.saveProfile"));
        saveProfile.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveProfile.addClickListener(e -> {
            Map<String, HasValidation> fields = Map.of("name", name, "mobile", mobile, "district", district);
            FieldErrors.clear(fields);
            try {
                accounts.updateMyProfile(new ProfileChange(name.getValue(), mobile.getValue(), district.getValue(),
                        reminders.getValue()));
                done("myAccount.profileSaved");
            } catch (InvalidInputException ex) {
                FieldErrors.show(fields, ex.problems(), (k, a) -> getTranslation(k, a));
            }
        });
        FormLayout form = new FormLayout(name, mobile, district);
        return section("myAccount.profile", form, reminders, saveProfile);
    }

    private Section emailSection(Account me) {
        Span state = new Span(getTranslation(me.emailVerified() ? "myAccount.emailVerified" : "myAccount.emailUnverified",
                me.email()));
        state.addClassName(me.emailVerified() ? "baeum-ok" : "baeum-warning");
        resend.setText(getTranslation("myAccount.resend"));
        resend.setVisible(!me.emailVerified());
        resend.addClickListener(e -> {
            boolean sent = registration.resendVerification();
            Notification n = Notification.show(getTranslation(sent ? "myAccount.resent" : "myAccount.resendWait"),
                    6000, Notification.Position.MIDDLE);
            n.addThemeVariants(sent ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
        });
        newEmail.setLabel(getTranslation("myAccount.newEmail"));
        newEmail.setAutocomplete(Autocomplete.EMAIL);
        emailPassword.setLabel(getTranslation("myAccount.currentPassword"));
        emailPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        changeEmail.setText(getTranslation("myAccount.changeEmail"));
        changeEmail.addClickListener(e -> {
            Map<String, HasValidation> fields = Map.of("email", newEmail, "currentPassword", emailPassword);
            FieldErrors.clear(fields);
            try {
                accounts.changeMyEmail(emailPassword.getValue(), newEmail.getValue());
                // every session of the account has ended, this one too (as after a password change)
                authentication.logout();
            } catch (InvalidInputException ex) {
                FieldErrors.show(fields, ex.problems(), (k, a) -> getTranslation(k, a));
            }
        });
        return section("myAccount.emailTitle", state, resend, new Paragraph(getTranslation("myAccount.emailHint")),
                new FormLayout(newEmail, emailPassword), changeEmail);
    }

    private Section passwordSection() {
        currentPassword.setLabel(getTranslation("myAccount.currentPassword"));
        currentPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setLabel(getTranslation("myAccount.newPassword"));
        newPassword.setHelperText(getTranslation("signup.password.helper"));
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirmPassword.setLabel(getTranslation("signup.confirm"));
        confirmPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        changePassword.setText(getTranslation("myAccount.changePassword"));
        changePassword.addClickListener(e -> {
            Map<String, HasValidation> fields = Map.of("currentPassword", currentPassword, "password", newPassword,
                    "confirm", confirmPassword);
            FieldErrors.clear(fields);
            try {
                if (!newPassword.getValue().equals(confirmPassword.getValue())) {
                    throw InvalidInputException.of("confirm", "signup.confirm.mismatch");
                }
                accounts.changeMyPassword(currentPassword.getValue(), newPassword.getValue());
                authentication.logout();
            } catch (InvalidInputException ex) {
                FieldErrors.show(fields, ex.problems(), (k, a) -> getTranslation(k, a));
            }
        });
        return section("myAccount.passwordTitle", new Paragraph(getTranslation("myAccount.passwordHint")),
                new FormLayout(currentPassword, newPassword, confirmPassword), changePassword);
    }

    private Section sessionsSection() {
        signOutEverywhere.setText(getTranslation("myAccount.signOutEverywhere"));
        signOutEverywhere.addClickListener(e -> {
            accounts.signOutEverywhere();
            authentication.logout();
        });
        return section("myAccount.sessionsTitle", new Paragraph(getTranslation("myAccount.sessionsHint")), signOutEverywhere);
    }

    private Section dataSection() {
        Anchor json = download("baeum-my-data.json", "application/json", "myAccount.downloadJson", true);
        Anchor xlsx = download("baeum-my-data.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "myAccount.downloadXlsx", false);
        delete.setText(getTranslation("myAccount.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDeletion());
        return section("myAccount.dataTitle", new Paragraph(getTranslation("myAccount.dataHint")),
                new HorizontalLayout(json, xlsx), new Paragraph(getTranslation("myAccount.deleteHint")), delete);
    }

    private Anchor download(String fileName, String type, String labelKey, boolean asJson) {
        Anchor anchor = new Anchor((DownloadEvent event) -> {
            event.setFileName(fileName);
            event.setContentType(type);
            try (OutputStream out = event.getOutputStream()) {
                if (asJson) {
                    personalData.writeJson(out);
                } else {
                    personalData.writeXlsx(out);
                }
            }
        }, getTranslation(labelKey));
        anchor.addClassName("baeum-download");
        return anchor;
    }

    void confirmDeletion() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("myAccount.deleteTitle"));
        PasswordField password = new PasswordField(getTranslation("myAccount.currentPassword"));
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setWidthFull();
        Button confirm = new Button(getTranslation("myAccount.deleteConfirm"), e -> {
            FieldErrors.clear(Map.of("currentPassword", password));
            try {
                personalData.deleteMyAccount(password.getValue());
                dialog.close();
                authentication.logout();
            } catch (InvalidInputException ex) {
                FieldErrors.show(Map.of("currentPassword", password), ex.problems(), (k, a) -> getTranslation(k, a));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("myAccount.deleteWarning")), password);
        dialog.getFooter().add(cancel, confirm);
        add(dialog);
        dialog.open();
        password.focus();
    }

    private void done(String key) {
        Notification.show(getTranslation(key), 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private Section section(String titleKey, com.vaadin.flow.component.Component... content) {
        Section s = new Section();
        s.addClassName("baeum-section");
        s.add(new H2(getTranslation(titleKey)));
        s.add(content);
        return s;
    }

    private TextField readOnly(String labelKey, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        field.setWidth("min(100%, 28rem)");
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("myAccount.title") + " | " + getTranslation("app.name");
    }
}
