package org.baeum.account.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.baeum.account.Account;
import org.baeum.account.AccountService;
import org.baeum.base.i18n.Formats;

/** The signed-in person's own account, read-only for now (editing comes with the accounts issue). */
@Route("my/account")
@PermitAll
@Menu(order = 80, title = "nav.myAccount", icon = "vaadin:user")
class MyAccountView extends VerticalLayout implements HasDynamicTitle {

    MyAccountView(AccountService accounts) {
        addClassName("baeum-my-account");
        Account me = accounts.myAccount();
        add(new H1(getTranslation("myAccount.title")));
        add(readOnly("myAccount.name", me.displayName()),
                readOnly("myAccount.username", me.username()),
                readOnly("myAccount.email", me.email()),
                readOnly("myAccount.roles", me.roles().stream().sorted()
                        .map(r -> getTranslation("role." + r.name())).collect(Collectors.joining(", "))),
                readOnly("myAccount.language", getTranslation("language." + me.language().getLanguage())),
                readOnly("myAccount.since", Formats.dateTime(me.createdAt(), getLocale())));
        add(new Paragraph(getTranslation("myAccount.languageHint")));
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
