package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16 "Done when", in the packaged portal on a phone-sized screen (390 px, touch), in Korean: the demo instructor
 * 이강사 opens the running literacy class from 내 수업, marks one learner by keyboard and another by tapping while the
 * network is cut for a moment (the page says the mark is not saved yet, and saves it once the network is back), and
 * finds both marks stored after a reload; the demo citizen 김시민 downloads his certificate from 학습 이력 and its code
 * verifies on the public page; then 이강사 opens the finished class waiting under 수료 확인 필요, confirms its completion
 * (button, dialog) and sees the certificate codes, one of which verifies. Axe on each page.
 */
@ExtendWith(Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstructorJourneyIT {

    static final String LITERACY = "늘푸른학교 한글 첫걸음반 (저녁)";
    static final String UNCONFIRMED = "키오스크 주문 연습 특강";
    static final String SAVED = "저장했습니다.";

    static PackagedPortal portal;
    static Browser browser;

    @BeforeAll
    static void start(Browser sharedBrowser, PackagedPortal sharedPortal) throws Exception {
        browser = sharedBrowser;
        portal = sharedPortal;
    }

    @Test
    @Order(1)
    void the_instructor_takes_attendance_on_a_phone_by_keyboard_and_by_tapping_through_a_network_cut() throws Exception {
        BrowserContext context = phone();
        Page page = context.newPage();
        signIn(page, "instructor");

        page.navigate(portal.url("/instructor"));
        assertThat(heading(page, "내 수업")).isVisible();
        Locator classLink = page.locator("a.baeum-instructor-class").filter(new Locator.FilterOptions()
                .setHasText(LITERACY)).first();
        assertThat(classLink).isVisible();
        checkAccessible(page, "the instructor home");
        classLink.click();
        page.waitForURL(Pattern.compile(".*/instructor/offerings/.+/attendance"));
        assertThat(heading(page, LITERACY)).isVisible();
        Locator late = mark(page, "정복순", "지각");
        assertThat(late).isVisible();
        checkAccessible(page, "the attendance page");

        // by keyboard: from 정복순's first mark (출석), Tab to 지각 and press Space
        mark(page, "정복순", "출석").focus();
        page.keyboard().press("Tab");
        assertThat(late).isFocused();
        page.keyboard().press("Space");
        assertThat(late).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#attendance-status")).hasText(SAVED);

        // by tapping, with the network cut: the page says at once that the mark is not saved yet
        Locator absent = mark(page, "한말순", "결석");
        context.setOffline(true);
        absent.tap();
        Locator offline = page.locator("#attendance-offline");
        assertThat(offline).containsText("아직 저장되지 않았습니다");
        assertThat(offline).containsText("한말순: 결석");
        context.setOffline(false);
        // Vaadin sends the mark again by itself once the connection is back (it retries every 5 s)
        assertThat(absent).hasAttribute("aria-pressed", "true",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(page.locator("#attendance-status")).hasText(SAVED);
        assertThat(row(page, "한말순").locator(".baeum-mark-unsaved")).hasText("");
        assertThat(offline).hasText("");
        checkAccessible(page, "the attendance page after saving");

        // both marks are stored: a reload shows them
        page.reload();
        assertThat(mark(page, "정복순", "지각")).hasAttribute("aria-pressed", "true");
        assertThat(mark(page, "한말순", "결석")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#attendance-status")).hasText("모든 표시가 저장되어 있습니다.");
        context.close();
    }

    @Test
    @Order(2)
    void the_demo_citizen_downloads_the_certificate_whose_code_verifies_on_the_public_page() throws Exception {
        BrowserContext context = phone();
        Page page = context.newPage();
        signIn(page, "citizen");

        page.navigate(portal.url("/my/transcript"));
        assertThat(heading(page, "학습 이력")).isVisible();
        Locator verify = page.locator("a.baeum-transcript-verify").first();
        assertThat(verify).isVisible();
        String href = verify.getAttribute("href");
        assertThat(href).matches(".*certificates/[A-Za-z0-9]+$");
        String code = href.substring(href.lastIndexOf('/') + 1);
        checkAccessible(page, "/my/transcript");

        Download download = page.waitForDownload(() -> page.locator("a.baeum-transcript-pdf").first().click());
        assertThat(download.suggestedFilename()).isEqualTo("certificate-" + code + ".pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        context.close();

        // anyone may verify the code: a fresh browser, not signed in
        BrowserContext visitor = phone();
        Page check = visitor.newPage();
        check.navigate(portal.url("/certificates/" + code));
        assertThat(heading(check, "수료증 진위 확인")).isVisible();
        assertThat(check.locator("#certificate-status")).containsText("유효한 수료증");
        assertThat(check.locator("dl")).containsText("스마트폰 사진 정리 특강");
        assertThat(check.locator("dl")).containsText("김*민");
        checkAccessible(check, "/certificates/{code}");
        visitor.close();
    }

    @Test
    @Order(3)
    void the_instructor_confirms_a_finished_class_from_the_due_list_and_sees_its_certificate_codes() throws Exception {
        BrowserContext context = phone();
        Page page = context.newPage();
        signIn(page, "instructor");

        // the demo data's second finished class waits on the home page (no other class on the shared portal confirms it)
        page.navigate(portal.url("/instructor"));
        assertThat(heading(page, "내 수업")).isVisible();
        Locator dueLink = page.locator("a.baeum-completion-due-link").filter(new Locator.FilterOptions()
                .setHasText(UNCONFIRMED));
        assertThat(dueLink).hasCount(1);
        dueLink.click();
        page.waitForURL(Pattern.compile(".*/instructor/offerings/.+/completion"));
        assertThat(heading(page, "수료: " + UNCONFIRMED)).isVisible();
        assertThat(page.locator(".baeum-completion-row")).hasCount(4);
        assertThat(page.locator(".baeum-completion-row").filter(new Locator.FilterOptions().setHasText("최민지")))
                .containsText("기준 미달");
        checkAccessible(page, "the completion page");

        Locator confirm = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("수료 확정").setExact(true));
        assertThat(confirm).isEnabled();
        confirm.tap();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("수료를 확정할까요?")).first();
        assertThat(dialog).containsText(UNCONFIRMED);
        Locator yes = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("확정").setExact(true));
        assertThat(yes).isVisible();
        checkAccessible(page, "the completion page's confirmation dialog");
        yes.tap();
        assertThat(yes).isHidden();

        assertThat(page.locator("#completion-status")).hasText("4명 중 3명이 수료했습니다.");
        assertThat(heading(page, "확정 결과", 2)).isVisible();
        Locator codes = page.locator("a.baeum-certificate-code");
        assertThat(codes).hasCount(3);
        assertThat(page.locator(".baeum-completion-not-completed")).containsText("최민지");
        assertThat(page.locator(".baeum-completion-not-completed a")).hasCount(0);
        String code = codes.first().textContent().trim();
        assertThat(code).matches("[A-Za-z0-9]{8,}");
        checkAccessible(page, "the completion page after confirming");

        // confirmed: no longer due, and the code verifies
        page.navigate(portal.url("/instructor"));
        assertThat(heading(page, "내 수업")).isVisible();
        assertThat(page.locator("a.baeum-completion-due-link").filter(new Locator.FilterOptions()
                .setHasText(UNCONFIRMED))).hasCount(0);
        page.navigate(portal.url("/certificates/" + code));
        assertThat(page.locator("#certificate-status")).containsText("유효한 수료증");
        assertThat(page.locator("dl")).containsText(UNCONFIRMED);
        context.close();
    }

    /** A phone-sized, touch-enabled browser context in Korean. */
    private static BrowserContext phone() {
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(390, 844).setHasTouch(true));
    }

    private static Locator row(Page page, String name) {
        return page.locator(".baeum-mark-row").filter(new Locator.FilterOptions().setHasText(name));
    }

    /** A learner's mark button, by its accessible name ("정복순: 지각"). */
    private static Locator mark(Page page, String name, String status) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name + ": " + status).setExact(true));
    }

    private static void signIn(Page page, String username) {
        page.navigate(portal.url("/login"));
        page.getByLabel("아이디 또는 이메일").fill(username);
        page.getByLabel("비밀번호", new Page.GetByLabelOptions().setExact(true)).fill(PackagedPortal.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/$"));
    }

    private static Locator heading(Page page, String name) {
        return heading(page, name, 1);
    }

    private static Locator heading(Page page, String name, int level) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(level));
    }

    private static void checkAccessible(Page page, String what) throws Exception {
        assertThat(Browser.undefinedVaadinElements(page)).as("web components missing on " + what).isEmpty();
        assertThat(Browser.axeViolations(page)).as("axe on " + what).isEmpty();
    }
}
