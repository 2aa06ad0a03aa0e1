package org.baeum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import java.util.Locale;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.base.i18n.UiLocale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sign-in page in each language: every text is checked exactly, so a text that stays in the other language (or
 * a key that is missing) fails. The visitor picks the language with the layout's switch ({@link UiLocale#switchTo}).
 */
@BaeumIntegrationTest
class LoginViewBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    UiLocale uiLocale;

    private LoginView open(Locale language, String... parameter) {
        uiLocale.switchTo(UI.getCurrent(), language);
        UI.getCurrent().navigate("login", parameter.length == 0 ? QueryParameters.empty()
                : QueryParameters.simple(Map.of(parameter[0], "")));
        return (LoginView) getCurrentView();
    }

    @Test
    void the_form_posts_to_login_with_korean_labels() {
        LoginView view = open(Locale.KOREAN);
        LoginForm form = $(LoginForm.class, view).single();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
        assertThat($(H1.class, view).first().getText()).isEqualTo("로그인");
        assertThat(view.shownTexts().getForm().getTitle()).isEqualTo("배움 로그인");
        assertThat(view.shownTexts().getForm().getUsername()).isEqualTo("아이디 또는 이메일");
        assertThat(view.shownTexts().getForm().getPassword()).isEqualTo("비밀번호");
        assertThat(view.shownTexts().getForm().getSubmit()).isEqualTo("로그인");
        assertThat(view.shownTexts().getForm().getForgotPassword()).isEqualTo("비밀번호를 잊으셨나요?");
    }

    @Test
    void the_same_form_in_english() {
        LoginView view = open(Locale.ENGLISH);
        assertThat($(H1.class, view).first().getText()).isEqualTo("Sign in");
        assertThat(view.shownTexts().getForm().getTitle()).isEqualTo("Sign in to Baeum");
        assertThat(view.shownTexts().getForm().getUsername()).isEqualTo("User name or email");
        assertThat(view.shownTexts().getForm().getPassword()).isEqualTo("Password");
        assertThat(view.shownTexts().getForm().getSubmit()).isEqualTo("Sign in");
        assertThat(view.shownTexts().getForm().getForgotPassword()).isEqualTo("Forgot your password?");
    }

    @Test
    void a_failed_sign_in_shows_one_generic_message() {
        LoginView view = open(Locale.KOREAN, "error");
        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view.shownTexts().getErrorMessage().getTitle()).isEqualTo("로그인하지 못했습니다");
        assertThat(view.shownTexts().getErrorMessage().getMessage()).isEqualTo("아이디 또는 비밀번호가 올바르지 않습니다. 다시 확인해 주세요.");

        view = open(Locale.ENGLISH, "error");
        assertThat(view.shownTexts().getErrorMessage().getMessage())
                .isEqualTo("The user name or password is not correct. Please check and try again.");
    }

    @Test
    void a_throttled_sign_in_says_to_wait() {
        LoginView view = open(Locale.KOREAN, "throttled");
        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view.shownTexts().getErrorMessage().getTitle()).isEqualTo("잠시 후 다시 시도해 주세요");
        assertThat(view.shownTexts().getErrorMessage().getMessage()).isEqualTo("로그인 시도가 너무 많습니다. 잠시 뒤(보통 15분)에 다시 시도하거나, 「비밀번호를 잊으셨나요?」에서 비밀번호를 다시 정해 주세요.");

        view = open(Locale.ENGLISH, "throttled");
        assertThat(view.shownTexts().getErrorMessage().getMessage())
                .isEqualTo("Too many sign-in attempts. Please try again later (usually in 15 minutes), or set a new password with \"Forgot your password?\".");
    }

    @Test
    void a_session_that_ran_out_of_time_is_explained() {
        assertThat(open(Locale.KOREAN).shownNotice()).isNull();
        LoginView view = open(Locale.KOREAN, "expired");
        assertThat(view.shownNotice()).isEqualTo(
                "30분 동안 사용하지 않았거나 로그인 유지 시간이 끝나 안전을 위해 로그아웃되었습니다. 다시 로그인해 주세요.");
        assertThat($(LoginForm.class).single().isError()).isFalse();

        assertThat(open(Locale.ENGLISH, "expired").shownNotice()).isEqualTo("You were signed out to keep your account safe: "
                + "the portal was not used for 30 minutes, or the sign-in reached its time limit. Please sign in again.");
    }

    @Test
    void a_session_ended_by_an_account_change_says_so() {
        assertThat(open(Locale.KOREAN, "ended").shownNotice())
                .isEqualTo("계정에 변경이 있어(비밀번호 변경, 모든 기기에서 로그아웃 등) 로그아웃되었습니다. 다시 로그인해 주세요.");
        assertThat(open(Locale.ENGLISH, "ended").shownNotice()).isEqualTo("You were signed out because your account changed "
                + "(for example, its password was changed or it was signed out everywhere). Please sign in again.");
    }
}
