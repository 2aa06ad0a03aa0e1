package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Tab order of every page's frame (decision 0047): on a 390-px screen, with the menu closed, Tab from the top of
 * the page goes skip link → the top bar's controls → the page's content, without the skip link; the skip link still
 * puts focus on the content and the next Tab goes on inside it; on a wide screen the open menu comes before the content.
 */
@ExtendWith(Shared.class)
class KeyboardOrderIT {

    static PackagedPortal portal;
    static Browser browser;

    @BeforeAll
    static void start(Browser sharedBrowser, PackagedPortal sharedPortal) throws Exception {
        browser = sharedBrowser;
        portal = sharedPortal;
    }

    /** Where focus is: its label or text, and whether it lies inside the page's content or the menu. */
    record Focus(String name, boolean inContent, boolean inMenu) {
    }

    @Test
    void on_a_phone_tab_goes_from_the_top_bar_into_the_content_and_the_skip_link_still_works() {
        BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(390, 844));
        Page page = context.newPage();
        signIn(page);
        page.navigate(portal.url("/bookings"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("시설 예약").setLevel(1)))
                .isVisible();

        List<Focus> path = tabs(page, 8);
        assertThat(path.getFirst().name()).isEqualTo("본문으로 건너뛰기");
        int logout = indexOf(path, "로그아웃");
        assertThat(logout).as("the top bar's last control in " + path).isPositive();
        assertThat(path.subList(0, logout + 1)).noneMatch(Focus::inContent).noneMatch(Focus::inMenu);
        assertThat(path.get(logout + 1).inContent()).as("the Tab after 로그아웃 in " + path).isTrue();

        // the skip link: focus on the content, the next Tab inside it, and the content not focusable afterwards
        page.navigate(portal.url("/bookings"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("시설 예약").setLevel(1)))
                .isVisible();
        page.keyboard().press("Tab");
        assertThat(focus(page).name()).isEqualTo("본문으로 건너뛰기");
        page.keyboard().press("Enter");
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("main-content");
        page.keyboard().press("Tab");
        assertThat(focus(page).inContent()).isTrue();
        assertThat(page.locator("#main-content")).not().hasAttribute("tabindex", Pattern.compile(".*"));
        context.close();
    }

    @Test
    void on_a_wide_screen_the_open_menu_comes_between_the_top_bar_and_the_content() {
        BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900));
        Page page = context.newPage();
        signIn(page);
        page.navigate(portal.url("/bookings"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("시설 예약").setLevel(1)))
                .isVisible();
        List<Focus> path = tabs(page, 40);
        int logout = indexOf(path, "로그아웃");
        int firstMenu = path.indexOf(path.stream().filter(Focus::inMenu).findFirst().orElseThrow());
        int firstContent = path.indexOf(path.stream().filter(Focus::inContent).findFirst()
                .orElseThrow(() -> new AssertionError("Tab never reached the content: " + path)));
        assertThat(logout).isLessThan(firstMenu);
        assertThat(firstMenu).isLessThan(firstContent);
        context.close();
    }

    private static int indexOf(List<Focus> path, String name) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Focus> tabs(Page page, int n) {
        List<Focus> path = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            page.keyboard().press("Tab");
            path.add(focus(page));
        }
        return path;
    }

    private static Focus focus(Page page) {
        Object[] parts = ((List<?>) page.evaluate("""
                () => { const e = document.activeElement;
                        if (!e || e === document.body) { return ['(body)', false, false]; }
                        const m = document.getElementById('main-content');
                        const nav = document.querySelector('vaadin-side-nav');
                        return [(e.getAttribute('aria-label') || e.textContent || '').trim(),
                                !!m && m !== e && m.contains(e), !!nav && nav.contains(e)]; }
                """)).toArray();
        return new Focus(String.valueOf(parts[0]), Boolean.TRUE.equals(parts[1]), Boolean.TRUE.equals(parts[2]));
    }

    private static void signIn(Page page) {
        page.navigate(portal.url("/login"));
        page.getByLabel("아이디 또는 이메일").fill("citizen");
        page.getByLabel("비밀번호", new Page.GetByLabelOptions().setExact(true)).fill(PackagedPortal.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/$"));
    }
}
