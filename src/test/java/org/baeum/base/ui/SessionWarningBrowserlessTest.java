package org.baeum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.security.Role;
import org.baeum.base.security.SessionLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The warning before an idle session ends: only for signed-in people, with translated texts and the settings' times. */
@BaeumIntegrationTest
class SessionWarningBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    MutableClock clock;

    @BeforeAll
    static void users(@Autowired TestAccounts accounts) {
        accounts.create("warned-citizen", Role.CITIZEN);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private SessionWarning warning() {
        return $(SessionWarning.class).single();
    }

    @Test
    void anonymous_visitors_get_no_warning() {
        navigate(HomeView.class);
        assertThat($(SessionWarning.class).all()).isEmpty();
    }

    @Test
    @WithUserDetails("warned-citizen")
    void a_signed_in_person_is_warned_a_minute_before_30_idle_minutes_end_in_korean() {
        navigate(HomeView.class);
        var element = warning().getElement();
        assertThat(element.getAttribute("idle-seconds")).isEqualTo("1800");
        assertThat(element.getAttribute("warning-seconds")).isEqualTo("60");
        assertThat(element.getAttribute("heading")).isEqualTo("곧 로그아웃됩니다");
        assertThat(element.getAttribute("message")).startsWith("30분 동안 사용하지 않으면");
        assertThat(element.getAttribute("time-left-label")).isEqualTo("남은 시간:");
        assertThat(element.getAttribute("stay-label")).isEqualTo("계속 사용");
        assertThat(element.getAttribute("sign-out-label")).isEqualTo("로그아웃");
    }

    @Test
    void the_warning_speaks_english_in_an_english_page(@Autowired SessionLimits limits,
                                                        @Autowired AuthenticationContext authentication) {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        var element = new SessionWarning(limits, authentication).getElement();
        assertThat(element.getAttribute("heading")).isEqualTo("You will be signed out soon");
        assertThat(element.getAttribute("message")).contains("after 30 minutes without activity");
        assertThat(element.getAttribute("stay-label")).isEqualTo("Stay signed in");
        assertThat(element.getAttribute("sign-out-label")).isEqualTo("Sign out");
    }

    @Test
    @WithUserDetails("warned-citizen")
    void staying_signed_in_counts_as_activity() {
        navigate(HomeView.class);
        var session = VaadinSession.getCurrent().getSession();
        session.setAttribute(SessionLimits.LAST_ACTIVITY, clock.instant());
        clock.advance(Duration.ofMinutes(29));
        Instant before = clock.instant();

        warning().stay();

        assertThat((Instant) session.getAttribute(SessionLimits.LAST_ACTIVITY)).isBetween(before, clock.instant());
    }
}
