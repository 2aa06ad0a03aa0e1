package org.baeum.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.baeum.base.demo.DemoSettings;
import org.baeum.base.security.SecuritySettings;

/**
 * Sign-in for every role. One generic message for any refusal; a separate one when throttled. After a session
 * ended it says why: {@code ?expired} (idle or too old) or {@code ?ended} (the account changed).
 */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();
    private LoginI18n shownTexts;
    private final transient AuthenticationContext authentication;
    private final transient SecuritySettings.Session sessionSettings;

    public LoginView(AuthenticationContext authentication, DemoSettings demo, SecuritySettings security) {
        this.authentication = authentication;
        this.sessionSettings = security.session();
        addClassName("baeum-login");
        setAlignItems(Alignment.CENTER);
        H1 title = new H1(getTranslation("login.title"));
        form.setAction("login");
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("forgot-password")));
        show(i18n(false));
        notice.addClassName("baeum-notice");
        notice.getElement().setAttribute("role", "status");
        notice.setVisible(false);
        add(title, notice, form);
        if (demo.enabled()) {
            Paragraph hint = new Paragraph(getTranslation("login.demoHint"));
            hint.addClassName("baeum-hint");
            add(hint);
        }
        Paragraph newHere = new Paragraph(getTranslation("login.newHere") + " ");
        com.vaadin.flow.component.html.Anchor signUp = new com.vaadin.flow.component.html.Anchor("signup",
                getTranslation("login.signUp"));
        signUp.getStyle().set("text-decoration", "underline"); // a link in a sentence: not by colour alone (WCAG 1.4.1)
        newHere.add(signUp);
        add(newHere);
    }

    private LoginI18n i18n(boolean throttled) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.formTitle"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        f.setForgotPassword(getTranslation("login.forgotPassword"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(throttled ? "login.throttled.title" : "login.failed.title"));
        error.setMessage(getTranslation(throttled ? "login.error.throttled" : "login.error.credentials"));
        error.setUsername(getTranslation("login.required.username"));
        error.setPassword(getTranslation("login.required.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var params = event.getLocation().getQueryParameters().getParameters();
        boolean throttled = params.containsKey("throttled");
        notice.setVisible(false);
        if (throttled || params.containsKey("error")) {
            show(i18n(throttled));
            form.setError(true);
        } else if (params.containsKey("ended")) {
            showNotice(getTranslation("login.notice.ended"));
        } else if (params.containsKey("expired")) {
            showNotice(getTranslation("login.notice.expired", sessionSettings.idleTimeout().toMinutes()));
        }
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }

    /** Why the last session ended, or {@code null}. */
    String shownNotice() {
        return notice.isVisible() ? notice.getText() : null;
    }

    private void show(LoginI18n texts) {
        shownTexts = texts;
        form.setI18n(texts);
    }

    /** The texts the form shows (LoginForm keeps its own getter package-private). */
    LoginI18n shownTexts() {
        return shownTexts;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " | " + getTranslation("app.name");
    }
}
