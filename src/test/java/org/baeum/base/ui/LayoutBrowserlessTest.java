package org.baeum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.i18n.UiLocale;
import org.baeum.base.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The layout per role: each signed-in user's menu, the sign-in link, the language and text-size switches.
 * Users sign in with {@code @WithUserDetails} so that the UI is built for them, as after a real sign-in.
 */
@BaeumIntegrationTest
class LayoutBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    UiLocale uiLocale;

    @BeforeAll
    static void users(@Autowired TestAccounts accounts) {
        accounts.create("ui-citizen", Role.CITIZEN);
        accounts.create("ui-switcher", Role.CITIZEN);
        accounts.create("ui-instructor", Role.INSTRUCTOR);
        accounts.create("ui-staff", Role.STAFF);
        accounts.create("ui-admin", Role.ADMIN);
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private Button button(String className) {
        return $(Button.class).all().stream().filter(b -> b.hasClassName(className)).findFirst().orElseThrow();
    }

    @Test
    void the_pages_heading_can_take_focus_without_joining_the_tab_order() {
        navigate(HomeView.class);
        com.vaadin.flow.component.html.H1 heading = $(com.vaadin.flow.component.html.H1.class).first();
        assertThat(heading.getElement().getAttribute("tabindex")).isEqualTo("-1");
        assertThat(MainLayout.heading(getCurrentView().getElement())).contains(heading.getElement());
    }

    @Test
    void anonymous_visitors_see_the_public_menu_and_a_sign_in_link() {
        navigate(HomeView.class);
        assertThat(menu()).hasSize(5); // home, classes, lottery rounds, facility booking, branches
        assertThat($(Anchor.class).all()).anySatisfy(a -> assertThat(a.hasClassName("baeum-sign-in")).isTrue());
        assertThat($(Button.class).all()).noneSatisfy(b -> assertThat(b.hasClassName("baeum-sign-out")).isTrue());
    }

    @Test
    @WithUserDetails("ui-citizen")
    void a_citizen_sees_their_own_menu_in_korean_but_no_staff_pages() {
        navigate(HomeView.class);
        assertThat(menu()).containsExactly("첫 화면", "강좌 찾기", "추첨 모집", "시설 예약", "기관·시설 안내", "나의 배움", "회원증", "내 추첨 신청", "내 예약", "학습 이력", "내 동아리", "우리 가족",
                "내 정보", "내 메일함");
        assertThat(button("baeum-sign-out").getText()).isEqualTo("로그아웃");
        assertThat($(H1.class).first().getText()).isEqualTo("배움에 오신 것을 환영합니다");
    }

    @Test
    @WithUserDetails("ui-instructor")
    void an_instructor_sees_the_signed_in_menu() {
        navigate(HomeView.class);
        assertThat(menu()).containsExactly("첫 화면", "강좌 찾기", "추첨 모집", "시설 예약", "기관·시설 안내", "내 수업", "내 강좌 만족도", "내 정보", "내 메일함");
    }

    @Test
    @WithUserDetails("ui-staff")
    void staff_see_sent_mail_and_the_outbox_but_not_the_jobs() {
        navigate(HomeView.class);
        assertThat(menu()).containsExactly("첫 화면", "강좌 찾기", "추첨 모집", "시설 예약", "기관·시설 안내", "내 수업", "강좌 개설 관리", "시민 찾기", "감면 심사", "접수 데스크", "수강 신청 관리", "휴관 관리", "시설 관리", "예약 승인",
                "추첨 모집 회차", "명예시민학위 수여", "만족도 조사", "수료증 관리", "보고서", "만족도 조사 결과", "내 정보", "내 메일함", "보낸 메일",
                "알림 발송 현황", "수업 알림");
    }

    @Test
    @WithUserDetails("ui-admin")
    void admins_see_sent_mail_the_outbox_and_the_jobs() {
        navigate(HomeView.class);
        assertThat(menu()).contains("보낸 메일", "알림 발송 현황", "내 정보", "강좌 개설 관리", "개인정보 접근 기록", "직원 계정", "감면 기준",
                "예약 작업", "수강 신청 관리", "신청 제한", "휴관 관리", "시설 관리", "예약 승인", "추첨 모집 회차", "보고서");
    }

    @Test
    @WithUserDetails("ui-citizen")
    void a_citizen_who_opens_a_staff_page_is_refused() {
        navigate(HomeView.class);
        UI.getCurrent().navigate("staff/sent-mail");
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("이 페이지를 볼 권한이 없습니다");
    }

    @Test
    void an_anonymous_visitor_who_opens_a_private_page_is_sent_to_sign_in() {
        UI.getCurrent().navigate("my/account");
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    @WithUserDetails("ui-switcher")
    void the_language_switch_changes_the_texts_and_is_remembered_for_the_signed_in_user() {
        navigate(HomeView.class);
        Button english = button("baeum-language");
        assertThat(english.getText()).isEqualTo("English");
        assertThat(english.getElement().getAttribute("lang")).isEqualTo("en");
        test(english).click();
        navigate(HomeView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Welcome to Baeum");
        assertThat(accounts.user("ui-switcher").language()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void the_larger_text_switch_is_a_toggle_button_for_screen_readers() {
        navigate(HomeView.class);
        Button larger = button("baeum-text-size");
        assertThat(larger.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        test(larger).click();
        assertThat(larger.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        test(larger).click();
        assertThat(larger.getElement().getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void an_unknown_address_shows_the_translated_not_found_page() {
        uiLocale.switchTo(UI.getCurrent(), Locale.KOREAN);
        UI.getCurrent().navigate("no/such/page");
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("페이지를 찾을 수 없습니다");

        uiLocale.switchTo(UI.getCurrent(), Locale.ENGLISH);
        UI.getCurrent().navigate(""); // a new not-found page, as after the reload the switch does in a browser
        UI.getCurrent().navigate("no/such/page/either");
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Page not found");
    }
}
