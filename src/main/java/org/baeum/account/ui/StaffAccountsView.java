package org.baeum.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;
import org.baeum.account.Account;
import org.baeum.account.AccountAdministration;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;

/**
 * ADMIN's list of instructor, staff and admin accounts: create one (an invitation mail lets the person set a
 * password), deactivate or reactivate (sessions and tokens end at once), send a password reset, end API tokens.
 */
@Route("admin/accounts")
@RolesAllowed(Role.ADMIN_NAME)
@Menu(order = 95, title = "nav.staffAccounts", icon = "vaadin:users")
class StaffAccountsView extends VerticalLayout implements HasDynamicTitle {

    private final AccountAdministration administration;
    final Grid<Account> grid = new Grid<>();
    final Button create = new Button();

    StaffAccountsView(AccountAdministration administration) {
        this.administration = administration;
        addClassName("baeum-staff-accounts");
        setSizeFull();
        create.setText(getTranslation("staffAccounts.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());
        add(new H1(getTranslation("staffAccounts.title")), new Paragraph(getTranslation("staffAccounts.intro")), create);
        grid.setAriaLabel(getTranslation("staffAccounts.title"));
        grid.addColumn(Account::displayName).setHeader(getTranslation("signup.name")).setAutoWidth(true);
        grid.addColumn(Account::username).setHeader(getTranslation("myAccount.username")).setAutoWidth(true);
        grid.addColumn(Account::email).setHeader(getTranslation("signup.email")).setAutoWidth(true);
        grid.addColumn(a -> a.roles().stream().sorted().map(r -> getTranslation("role." + r.name())).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("myAccount.roles")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.enabled() ? "citizens.active" : "citizens.deactivated"))
                .setHeader(getTranslation("citizens.state")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("staffAccounts.actions")).setAutoWidth(true);
        grid.setItems(q -> administration.staffAccounts(q.getOffset(), q.getLimit()).stream(),
                q -> (int) administration.countStaffAccounts());
        grid.setSizeFull();
        add(grid);
    }

    private HorizontalLayout actions(Account a) {
        Button toggle = new Button(getTranslation(a.enabled() ? "staffAccounts.deactivate" : "staffAccounts.reactivate"),
                e -> act(() -> administration.setEnabled(a.id(), !a.enabled()),
                        a.enabled() ? "staffAccounts.deactivated" : "staffAccounts.reactivated"));
        toggle.setAriaLabel(toggle.getText() + ": " + a.displayName());
        Button reset = new Button(getTranslation("staffAccounts.reset"),
                e -> act(() -> administration.resetPassword(a.id()), "staffAccounts.resetSent"));
        reset.setAriaLabel(reset.getText() + ": " + a.displayName());
        Button tokens = new Button(getTranslation("staffAccounts.revokeTokens"),
                e -> act(() -> administration.revokeTokens(a.id()), "staffAccounts.tokensRevoked"));
        tokens.setAriaLabel(tokens.getText() + ": " + a.displayName());
        for (Button b : new Button[] {toggle, reset, tokens}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(toggle, reset, tokens);
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            grid.getDataProvider().refreshAll();
            Notification.show(getTranslation(doneKey), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException ex) {
            Notification.show(getTranslation(ex.problems().getFirst().messageKey()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("staffAccounts.create"));
        TextField name = new TextField(getTranslation("signup.name"));
        TextField username = new TextField(getTranslation("myAccount.username"));
        username.setHelperText(getTranslation("staffAccounts.username.helper"));
        EmailField email = new EmailField(getTranslation("signup.email"));
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("myAccount.roles"));
        role.setItems(AccountAdministration.STAFF_SIDE.stream().sorted().toList());
        role.setItemLabelGenerator(r -> r == null ? "" : getTranslation("role." + r.name()));
        RadioButtonGroup<String> language = new RadioButtonGroup<>(getTranslation("signup.language"));
        language.setItems("ko", "en");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        language.setValue("ko");
        Map<String, HasValidation> fields = Map.of("name", name, "username", username, "email", email, "role", role);
        Button save = new Button(getTranslation("staffAccounts.invite"), e -> {
            FieldErrors.clear(fields);
            try {
                administration.createStaffAccount(new AccountAdministration.NewStaffAccount(name.getValue(),
                        username.getValue(), email.getValue(), role.getValue(), language.getValue()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notification.show(getTranslation("staffAccounts.invited", email.getValue()), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                FieldErrors.show(fields, ex.problems(), (k, a) -> getTranslation(k, a));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(name, username, email, role, language));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(95vw, 40rem)");
        add(dialog);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staffAccounts.title") + " | " + getTranslation("app.name");
    }
}
