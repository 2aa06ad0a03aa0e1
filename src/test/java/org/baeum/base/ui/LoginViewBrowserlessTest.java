package org.baeum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.junit.jupiter.api.Test;

@BaeumIntegrationTest
class LoginViewBrowserlessTest extends SpringBrowserlessTest {

    @Test
    void the_form_posts_to_login_with_korean_labels() {
        LoginView view = navigate(LoginView.class);
        LoginForm form = $(LoginForm.class, view).single();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
        assertThat(view.shownTexts().getForm().getUsername()).isIn("아이디 또는 이메일", "User name or email");
    }

    @Test
    void a_failed_sign_in_shows_one_generic_message() {
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("error", "")));
        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(((LoginView) getCurrentView()).shownTexts().getErrorMessage().getMessage()).isIn("아이디 또는 비밀번호가 올바르지 않습니다. 다시 확인해 주세요.",
                "The user name or password is not correct. Please check and try again.");
    }

    @Test
    void a_throttled_sign_in_says_to_wait() {
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("throttled", "")));
        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(((LoginView) getCurrentView()).shownTexts().getErrorMessage().getMessage()).containsAnyOf("Too many sign-in attempts", "로그인 시도가 너무 많습니다");
    }

    @Test
    void a_session_that_ran_out_of_time_is_explained() {
        LoginView view = navigate(LoginView.class);
        assertThat(view.shownNotice()).isNull();
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("expired", "")));
        assertThat(((LoginView) getCurrentView()).shownNotice()).isIn(
                "30분 동안 사용하지 않았거나 로그인 유지 시간이 끝나 안전을 위해 로그아웃되었습니다. 다시 로그인해 주세요.",
                "You were signed out to keep your account safe: the portal was not used for 30 minutes, or the sign-in reached its time limit. Please sign in again.");
        assertThat($(LoginForm.class).single().isError()).isFalse();
    }

    @Test
    void a_session_ended_by_an_account_change_says_so() {
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("ended", "")));
        assertThat(((LoginView) getCurrentView()).shownNotice()).containsAnyOf("계정에 변경이 있어", "your account changed");
    }
}
