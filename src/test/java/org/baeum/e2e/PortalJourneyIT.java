package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Journeys through the packaged portal in a real browser: each demo role signs in and sees its own Korean
 * home page and menu (screenshots in target/e2e), axe-core finds no WCAG 2.1 A/AA violation, sign-in works by
 * keyboard alone, and an account still signs in after a restart.
 */
@ExtendWith(Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneyIT {

    static final Path SCREENSHOTS = Path.of("target", "e2e");
    static PackagedPortal portal;
    static Browser browser;

    @BeforeAll
    static void start(Browser sharedBrowser) throws Exception {
        browser = sharedBrowser;
        portal = PackagedPortal.start();
        Files.createDirectories(SCREENSHOTS);
        System.out.println("Packaged portal ready in " + portal.lastStartup().toMillis() + " ms");
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    private Page newKoreanPage() {
        BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900));
        return context.newPage();
    }

    /** Each demo role's browser storage (its session cookie) after one sign-in through the form, by user name. */
    private static final java.util.Map<String, String> SIGNED_IN = new java.util.HashMap<>();

    /**
     * A Korean page of a demo role that is signed in: the first time through the sign-in form (landing on the home
     * page), then in a new context that starts from the storage that sign-in left (the same session), which spares the
     * page tests that only need to be signed in two page loads each. Sign-in itself is tested above, by every role.
     */
    private Page signedInKoreanPage(String username) {
        String state = SIGNED_IN.get(username);
        if (state == null) {
            Page page = newKoreanPage();
            signIn(page, username, PackagedPortal.DEMO_PASSWORD);
            page.waitForURL(Pattern.compile(".*/$"));
            SIGNED_IN.put(username, page.context().storageState());
            return page;
        }
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900).setStorageState(state)).newPage();
    }

    /**
     * Vaadin elements on the page that no web component defines: the production bundle loads a route's components
     * in a chunk made when the bundle was built, so a route added later shows its grids and fields as bare text until
     * the bundle is rebuilt (decision 0004). Axe does not notice.
     */
    private static List<String> undefinedVaadinElements(Page page) {
        return Browser.undefinedVaadinElements(page);
    }

    private static void signIn(Page page, String username, String password) {
        page.navigate(portal.url("/login"));
        page.getByLabel("아이디 또는 이메일").fill(username);
        page.getByLabel("비밀번호", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
    }

    @Test
    @Order(1)
    void the_home_page_is_korean_and_accessible() throws Exception {
        Page page = newKoreanPage();
        page.navigate(portal.url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("배움에 오신 것을 환영합니다"))).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "ko");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("anonymous-home.png")).setFullPage(true));
        assertThat(Browser.axeViolations(page)).as("axe on the home page").isEmpty();
        page.context().close();
    }

    @Test
    @Order(2)
    void the_login_page_is_accessible() throws Exception {
        Page page = newKoreanPage();
        page.navigate(portal.url("/login"));
        assertThat(page.getByLabel("아이디 또는 이메일")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login.png")));
        assertThat(Browser.axeViolations(page)).as("axe on the login page").isEmpty();
        page.context().close();
    }

    @ParameterizedTest(name = "{0} signs in and sees their own menu")
    @Order(3)
    @CsvSource({
            "citizen,    시민,   내 정보, 보낸 메일",
            "instructor, 강사,   내 정보, 보낸 메일",
            "staff,      직원,   보낸 메일, ",
            "admin,      관리자, 보낸 메일, "})
    void each_demo_role_signs_in_and_sees_its_own_menu(String username, String roleName, String shown, String hidden)
            throws Exception {
        Page page = newKoreanPage();
        signIn(page, username, PackagedPortal.DEMO_PASSWORD);
        page.waitForURL(Pattern.compile(".*/$"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그아웃"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(username + "-home.png")).setFullPage(true));
        assertThat(page.locator(".baeum-user-role")).hasText(roleName);
        Locator nav = page.locator("vaadin-side-nav");
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(shown).setExact(true))).isVisible();
        if (hidden != null) {
            assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(hidden).setExact(true))).hasCount(0);
        }
        assertThat(Browser.axeViolations(page)).as("axe on the home page of " + username).isEmpty();
        page.context().close();
    }

    @Test
    @Order(4)
    void a_wrong_password_shows_one_generic_message() {
        Page page = newKoreanPage();
        signIn(page, "citizen", "not-the-password");
        page.waitForURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.getByText("아이디 또는 비밀번호가 올바르지 않습니다")).isVisible();
        page.context().close();
    }

    @Test
    @Order(5)
    void signing_in_works_with_the_keyboard_alone() {
        Page page = newKoreanPage();
        page.navigate(portal.url("/login"));
        page.getByLabel("아이디 또는 이메일").waitFor();
        Locator username = page.getByLabel("아이디 또는 이메일");
        for (int i = 0; i < 30 && !(Boolean) username.evaluate("e => e === document.activeElement || e.matches(':focus')"); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(username).isFocused();
        page.keyboard().type("staff");
        page.keyboard().press("Tab");
        page.keyboard().type(PackagedPortal.DEMO_PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/$"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그아웃"))).isVisible();
        page.context().close();
    }

    @ParameterizedTest(name = "{1} is accessible for {0}")
    @Order(4)
    @CsvSource({"staff, /staff/catalog, 강좌 개설 관리", "staff, /staff/sent-mail, 보낸 메일", "citizen, /my/mail, 내 메일함", "staff, /branches, 기관·시설 안내",
            "staff, /my/account, 내 정보", "staff, /staff/citizens, 시민 찾기", "staff, /staff/eligibility, 감면 심사",
            "staff, /staff/citizens/demo-citizen, 김시민", "citizen, /my/household, 우리 가족", "citizen, /my/account, 내 정보",
            "admin, /admin/accounts, 직원·강사 계정", "admin, /admin/fee-reductions, 수강료 감면 기준",
            "admin, /admin/access-log, 개인정보 접근 기록", "staff, /staff/outbox, 알림 발송 현황", "admin, /admin/jobs, 예약 작업",
            "citizen, /my/learning, 나의 배움",
            "staff, /staff/enrollments, 수강 신청 관리", "admin, /admin/enrollment-caps, 수강 신청 제한",
            "staff, /staff/closures, 휴관 관리",
            "staff, /staff/citizens/demo-citizen/enrollments, 김시민 가족의 수강 신청"})
    void every_other_page_is_accessible(String who, String path, String heading) throws Exception {
        Page page = signedInKoreanPage(who);
        page.navigate(portal.url(path));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setLevel(1))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(who + path.replace('/', '-') + ".png"))
                .setFullPage(true));
        assertThat(undefinedVaadinElements(page)).as("web components missing from the production bundle on " + path).isEmpty();
        assertThat(Browser.axeViolations(page)).as("axe on " + path).isEmpty();
        page.context().close();
    }

    /** Demo offering ids are generated, so the desk is reached the way staff reach it: from the enrolments list. */
    @Test
    @Order(5)
    void staff_open_an_offering_desk_from_the_enrolments_list_and_it_is_accessible() throws Exception {
        Page page = signedInKoreanPage("staff");
        page.navigate(portal.url("/staff/enrollments"));
        Locator first = page.locator("vaadin-grid a[href^='staff/enrollments/']").first();
        first.waitFor();
        String title = first.textContent().strip();
        first.click();
        page.waitForURL(Pattern.compile(".*/staff/enrollments/.+"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setLevel(1))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("정원과 신청 규칙").setLevel(2))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("staff-offering-desk.png")).setFullPage(true));
        assertThat(undefinedVaadinElements(page)).as("web components missing on the offering desk").isEmpty();
        assertThat(Browser.axeViolations(page)).as("axe on the offering desk").isEmpty();
        page.context().close();
    }

    @Test
    @Order(5)
    void a_visitor_searches_swimming_on_saturday_and_opens_a_class() throws Exception {
        Page page = newKoreanPage();
        page.navigate(portal.url("/catalog"));
        Locator search = page.getByLabel("강좌 이름이나 강사로 찾기");
        search.fill("수영");
        search.press("Enter");
        page.waitForURL(Pattern.compile(".*q=%EC%88%98%EC%98%81.*"));
        // the filter panel is closed without a filter in the URL (its fields are built when it opens, decision 0059)
        Locator filters = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("조건").setExact(true));
        assertThat(filters).hasAttribute("aria-expanded", "false");
        assertThat(page.getByRole(AriaRole.COMBOBOX)).hasCount(0);
        filters.focus();
        page.keyboard().press("Enter"); // a disclosure button opens by keyboard
        assertThat(filters).hasAttribute("aria-expanded", "true");
        assertThat(page.locator("#" + filters.getAttribute("aria-controls"))).isVisible();
        // a filter is a combo box (its items reach the browser only when it opens): open it, pick from the list
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("요일").setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("토요일").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*weekday=saturday.*"));
        Locator counted = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("조건 (1개 적용 중)").setExact(true));
        assertThat(counted).hasAttribute("aria-expanded", "true");
        Locator firstResult = page.locator(".baeum-offering-card h2 a").first();
        assertThat(firstResult).containsText("수영");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalog-search.png")).setFullPage(true));
        assertThat(Browser.axeViolations(page)).as("axe on the catalog").isEmpty();

        String title = firstResult.textContent();
        firstResult.click();
        page.waitForURL(Pattern.compile(".*/catalog/offering/.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setLevel(1))).isVisible();
        assertThat(page.locator(".baeum-session-dates li").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("offering-detail.png")).setFullPage(true));
        assertThat(Browser.axeViolations(page)).as("axe on the offering page").isEmpty();
        page.context().close();
    }

    @Test
    @Order(5)
    void a_newcomer_signs_up_confirms_the_address_from_the_mail_and_adds_a_child() throws Exception {
        Page page = newKoreanPage();
        page.navigate(portal.url("/signup"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("회원가입").setLevel(1))).isVisible();
        assertThat(Browser.axeViolations(page)).as("axe on the sign-up page").isEmpty();
        page.getByLabel("이름", new Page.GetByLabelOptions().setExact(true)).fill("정새봄");
        page.getByLabel("이메일 주소").fill("saebom@example.com");
        page.getByLabel("생년월일").fill("1988. 4. 5.");
        page.getByLabel("생년월일").press("Enter");
        page.getByLabel("사는 곳 (자치구)").fill("마포구");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("마포구").setExact(true)).click();
        page.getByLabel("비밀번호", new Page.GetByLabelOptions().setExact(true)).fill("봄날의 햇살은 따뜻하다");
        page.getByLabel("비밀번호 확인").fill("봄날의 햇살은 따뜻하다");
        page.getByText("위 개인정보 수집·이용 안내를 읽었으며 동의합니다").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("가입하기")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("메일을 확인해 주세요"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("signup-done.png")).setFullPage(true));

        // the newcomer reads the verification mail in their own mailbox (the built-in mail server delivers it)
        signIn(page, "saebom@example.com", "봄날의 햇살은 따뜻하다");
        page.waitForURL(Pattern.compile(".*/$"));
        String link = ownMailLink(page, "이메일 주소를 확인해 주세요", VERIFY_LINK);
        assertThat(Browser.axeViolations(page)).as("axe on My mail with a mail open").isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("my-mail.png")).setFullPage(true));

        // staff see the same mail in Sent mail, but never its token (nor the full address)
        Page desk = newKoreanPage();
        signIn(desk, "staff", PackagedPortal.DEMO_PASSWORD);
        desk.waitForURL(Pattern.compile(".*/$"));
        desk.navigate(portal.url("/staff/sent-mail"));
        desk.getByText("s***@example.com").first().click();
        String mailText = desk.locator("vaadin-dialog-overlay pre, pre").first().textContent();
        org.assertj.core.api.Assertions.assertThat(mailText).as("the verification mail as staff see it")
                .contains("/verify-email?token=\u2022\u2022\u2022").doesNotContain(link.substring(link.indexOf("token=") + 6));
        org.assertj.core.api.Assertions.assertThat(desk.content()).doesNotContain("saebom@example.com")
                .doesNotContain(link.substring(link.indexOf("token=") + 6));
        assertThat(Browser.axeViolations(desk)).as("axe on Sent mail with a mail open").isEmpty();
        desk.context().close();

        page.navigate(link.replaceFirst("https?://[^/]+", portal.url("")));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("이메일 주소를 확인했습니다"))).isVisible();
        assertThat(Browser.axeViolations(page)).as("axe on the verification page").isEmpty();

        page.navigate(portal.url("/my/household"));
        page.getByLabel("이름", new Page.GetByLabelOptions().setExact(true)).fill("정아름");
        page.getByLabel("생년월일").fill("2019. 3. 1.");
        page.getByLabel("생년월일").press("Enter");
        page.getByLabel("관계").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("자녀").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("가족 추가").setExact(true)).click();
        assertThat(page.locator(".baeum-card-list li").filter(new Locator.FilterOptions().setHasText("정아름"))).containsText("자녀");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("household.png")).setFullPage(true));
        assertThat(Browser.axeViolations(page)).as("axe on the household page").isEmpty();
        page.context().close();
    }

    /** The texts an enrolment journey reads, per language. */
    record Texts(String locale, String username, String password, String signIn, String enroll, String enrolled,
                 String joinWaitlist, String waitlisted, String myLearning, String cancelledStatus, String cancelledOutcome,
                 String acceptTitle, String acceptButton, String accepted, String enrolledBadge) {

        static Texts of(String language) {
            return "en".equals(language)
                    ? new Texts("en-US", "User name or email", "Password", "Sign in", "Enrol", "A confirmation mail is on its way",
                    "Join the waiting list (0 waiting now)", "number 1", "My learning", "The enrolment is cancelled.", "Cancelled",
                    "Accept an offered seat", "Accept the seat", "You accepted the seat", "Enrolled")
                    : new Texts("ko-KR", "아이디 또는 이메일", "비밀번호", "로그인", "신청하기", "확인 메일을 보내 드렸습니다",
                    "대기 신청 (현재 0명 대기)", "대기 1번째", "나의 배움", "신청을 취소했습니다.", "취소",
                    "자리 제안 수락", "수락하기", "자리를 수락했습니다", "신청 완료");
        }
    }

    private Page newPage(Texts t) {
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(t.locale()).setViewportSize(1280, 900)).newPage();
    }

    /** Signs in on the page in the browser's language, then (for English) switches the account to English. */
    private static void signIn(Page page, Texts t, String username, boolean english) {
        page.navigate(portal.url("/login"));
        page.getByLabel(t.username()).fill(username);
        page.getByLabel(t.password(), new Page.GetByLabelOptions().setExact(true)).fill(PackagedPortal.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.signIn()).setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/$"));
        if (english && !"en".equals(page.locator("html").getAttribute("lang"))) {
            switchToEnglish(page); // the demo accounts remember Korean
            // the switch then reloads the page: wait until the reloaded layout offers Korean, or a navigation that
            // follows at once races the reload (and timed out waiting for "load" once)
            assertThat(page.locator("vaadin-button.baeum-language")).hasAttribute("lang", "ko");
            page.waitForLoadState();
        }
    }

    /**
     * Clicks the language button until the page is English. On a loaded CI machine a click that lands before the
     * client has wired the button's listener is lost (CI saw {@code lang="ko"} for 5 s after one click); the button
     * offers English only while the page is still Korean, so clicking it again can never switch back.
     */
    private static void switchToEnglish(Page page) {
        Locator html = page.locator("html");
        Locator button = page.locator("vaadin-button.baeum-language[lang='en']");
        for (int attempt = 1; ; attempt++) {
            if (button.count() > 0) {
                button.click();
            }
            try {
                assertThat(html).hasAttribute("lang", "en",
                        new LocatorAssertions.HasAttributeOptions().setTimeout(5_000));
                return;
            } catch (AssertionError notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
            }
        }
    }

    @ParameterizedTest(name = "[{0}] one seat: enrol, wait, cancel, and the offer mail's link enrols the next in line")
    @Order(5)
    @CsvSource({"ko, citizen, younghee.lee@baeum.localhost", "en, chulsoo.park@baeum.localhost, minji.choi@baeum.localhost"})
    void a_cancelled_seat_goes_to_the_waitlist_whose_mail_link_accepts_it(String language, String first, String second)
            throws Exception {
        Texts t = Texts.of(language);
        boolean english = "en".equals(language);
        String shot = "enrolment-" + language + "-";

        // the first citizen finds a one-seat class that still has its seat, and enrols
        Page one = newPage(t);
        signIn(one, t, first, english);
        one.navigate(portal.url("/catalog?q=coaching&term=demo-3m-next&seats=true"));
        Locator result = one.locator(".baeum-offering-card h2 a").first();
        String title = result.textContent().strip();
        result.click();
        one.waitForURL(Pattern.compile(".*/catalog/offering/.*"));
        String offeringUrl = one.url();
        Locator enrol = one.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.enroll()).setExact(true));
        assertThat(enrol).isVisible();
        one.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(shot + "offering.png")).setFullPage(true));
        assertThat(Browser.axeViolations(one)).as("axe on the offering page with its action").isEmpty();
        enrol.click();
        Locator submit = one.locator("vaadin-button.baeum-enrol-submit");
        assertThat(submit).isVisible();
        one.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(shot + "confirm.png")));
        assertThat(Browser.axeViolations(one)).as("axe on the enrolment confirmation").isEmpty();
        submit.click();
        assertThat(one.locator(".baeum-enrol-status")).containsText(t.enrolled());
        assertThat(one.locator(".baeum-enrol-action")).containsText(t.enrolledBadge());

        // the second citizen finds it full and joins the waiting list
        Page two = newPage(t);
        signIn(two, t, second, english);
        two.navigate(offeringUrl);
        two.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.joinWaitlist()).setExact(true)).click();
        two.locator("vaadin-button.baeum-enrol-submit").click();
        assertThat(two.locator(".baeum-enrol-status")).containsText(t.waitlisted());

        // the first cancels in My learning, after a confirmation that states the refund and the cut-off
        one.navigate(portal.url("/my/learning"));
        assertThat(one.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(t.myLearning()).setLevel(1))).isVisible();
        assertThat(Browser.axeViolations(one)).as("axe on My learning").isEmpty();
        one.locator("vaadin-button.baeum-learning-cancel").first().click();
        Locator confirm = one.locator("vaadin-button.baeum-learning-confirm");
        assertThat(confirm).isVisible();
        one.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(shot + "cancel.png")));
        assertThat(Browser.axeViolations(one)).as("axe on the cancel confirmation").isEmpty();
        confirm.click();
        assertThat(one.locator(".baeum-learning-status")).hasText(t.cancelledStatus());
        assertThat(one.locator("vaadin-grid")).containsText(t.cancelledOutcome());
        one.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(shot + "my-learning.png")).setFullPage(true));
        one.context().close();

        // the seat is offered to the second by mail, which they read in their own mailbox
        String link = offerLink(t, second, english);

        // the link opens a page that shows the offer and one button; pressing it enrols
        Page visitor = newPage(t);
        visitor.navigate(link.replaceFirst("https?://[^/]+", portal.url("")));
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(t.acceptTitle()).setLevel(1))).isVisible();
        assertThat(visitor.locator("body")).containsText(title);
        visitor.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(shot + "offer-accept.png")).setFullPage(true));
        assertThat(Browser.axeViolations(visitor)).as("axe on the offer page").isEmpty();
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.acceptButton()).setExact(true)).click();
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(t.accepted()).setLevel(1))).isVisible();
        assertThat(Browser.axeViolations(visitor)).as("axe on the offer answer").isEmpty();
        visitor.context().close();

        two.navigate(portal.url("/my/learning"));
        assertThat(two.locator(".baeum-learning-card").filter(new Locator.FilterOptions().setHasText(title)))
                .containsText(t.enrolledBadge());
        two.context().close();
    }

    @Test
    @Order(5)
    void before_enrolment_opens_a_countdown_ticks_in_the_browser_and_passes_axe() throws Exception {
        // a class of the next quarter whose window opens in a few days (the public API says PUBLISHED)
        String json = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(portal.url("/api/v1/offerings?term=demo-q-next&size=100"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        Matcher later = Pattern.compile("\\{\"id\":\"([^\"]+)\"[^{}]*?\"status\":\"PUBLISHED\"").matcher(json);
        assertThat(later.find()).as("a class that opens later in: " + json.substring(0, Math.min(300, json.length()))).isTrue();

        Page page = signedInKoreanPage("citizen");
        page.navigate(portal.url("/catalog/offering/" + later.group(1)));
        Locator timer = page.getByRole(AriaRole.TIMER);
        assertThat(timer).hasText(Pattern.compile("\\d+일 \\d\\d:\\d\\d:\\d\\d"));
        assertThat(page.locator(".baeum-enrol-action")).containsText("신청 시작까지");
        String before = timer.textContent();
        page.waitForTimeout(2100);
        assertThat(timer).not().hasText(before);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("enrolment-countdown.png")).setFullPage(true));
        assertThat(Browser.axeViolations(page)).as("axe on an offering page with a countdown").isEmpty();
        page.context().close();
    }

    static final Pattern VERIFY_LINK = Pattern.compile("https?://\\S+/verify-email\\?token=[^\\s•]+");
    static final Pattern ACCEPT_LINK = Pattern.compile("https?://\\S+/offer/accept\\?token=[^\\s•]+");

    /**
     * The link in the newest mail whose subject matches, read by its recipient in My mail (signed in on the page).
     * Delivery runs just after the request that sent it: look until it is there (each look is a page load).
     */
    private static String ownMailLink(Page page, String subject, Pattern linkPattern) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                page.navigate(portal.url("/my/mail"));
            } catch (com.microsoft.playwright.PlaywrightException aborted) {
                continue; // a reload the page started itself (the language switch after sign-in) cut the navigation off
            }
            Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(Pattern.compile(subject))).first();
            try {
                row.waitFor(new Locator.WaitForOptions().setTimeout(2000));
            } catch (com.microsoft.playwright.TimeoutError notYet) {
                continue; // not delivered yet
            }
            row.click();
            for (String href : page.locator("vaadin-dialog-overlay a, .baeum-my-mail-text a").all().stream()
                    .map(a -> a.getAttribute("href")).toList()) {
                if (href != null && linkPattern.matcher(href).matches()) {
                    return href;
                }
            }
        }
        throw new AssertionError("No mail '" + subject + "' with a link " + linkPattern + " in My mail");
    }

    /** The accept link of the offer mail, read by the waiting citizen in their own mailbox. */
    private String offerLink(Texts t, String address, boolean english) {
        Page own = newPage(t);
        signIn(own, t, address, english);
        String link = ownMailLink(own, english ? "is free for you" : "자리가 났습니다", ACCEPT_LINK);
        own.context().close();
        return link;
    }

    @Test
    @Order(6)
    void an_account_still_signs_in_after_a_restart() throws Exception {
        portal.restart();
        System.out.println("Portal restarted in " + portal.lastStartup().toMillis() + " ms");
        Page page = newKoreanPage();
        signIn(page, "citizen", PackagedPortal.DEMO_PASSWORD);
        page.waitForURL(Pattern.compile(".*/$"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그아웃"))).isVisible();
        assertThat(portal.log()).contains("Demo data created").containsOnlyOnce("Demo data created");
        page.context().close();
    }

}
