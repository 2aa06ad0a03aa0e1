package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18 "Done when", in the packaged portal on a phone-sized screen (390 px) in Korean: the demo citizen books a
 * digital seat for tomorrow with the keyboard alone (Tab, Enter and Space), finds it with its code in 내 예약 and
 * cancels it; axe-core finds no WCAG 2.1 A/AA violation on /bookings and /my/bookings.
 */
@ExtendWith(Shared.class)
class BookingJourneyIT {

    static final String SEATS = "본관 디지털 좌석";
    static PackagedPortal portal;
    static Browser browser;

    @BeforeAll
    static void start(Browser sharedBrowser, PackagedPortal sharedPortal) throws Exception {
        browser = sharedBrowser;
        portal = sharedPortal;
    }

    @Test
    void the_demo_citizen_books_a_digital_seat_for_tomorrow_by_keyboard_on_a_phone_and_cancels_it() throws Exception {
        BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(390, 844));
        Page page = context.newPage();
        signIn(page, "citizen");

        page.navigate(portal.url("/bookings"));
        assertThat(heading(page, "시설 예약")).isVisible();
        checkAccessible(page, "/bookings");

        // the keyboard alone from here: skip to the content, choose the digital seats, the next day, book 14:00
        skipToContent(page);
        tabTo(page, f -> f.text().equals(SEATS));
        page.keyboard().press("Enter");
        Locator chosen = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(SEATS).setExact(true));
        assertThat(chosen).hasAttribute("aria-pressed", "true");
        tabTo(page, f -> f.text().equals("다음 날"));
        page.keyboard().press("Enter");
        // wait for the next day's grid itself (the heading names the day), not only for a heading: Tab must walk the
        // new day's buttons, not today's that are about to be replaced
        java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).plusDays(1);
        assertThat(page.locator("h2").filter(new Locator.FilterOptions().setHasText(SEATS + ", " + tomorrow.getYear()
                + ". " + tomorrow.getMonthValue() + ". " + tomorrow.getDayOfMonth() + ".")))
                .isVisible();
        tabTo(page, f -> f.label().startsWith("14:00–15:00, ") && f.label().endsWith("남음, 예약"));
        page.keyboard().press("Enter");
        Locator confirm = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("예약하기").setExact(true));
        assertThat(confirm).isVisible();
        checkAccessible(page, "the booking dialog");
        tabTo(page, f -> f.text().equals("예약하기"));
        page.keyboard().press("Space");
        Locator code = page.locator(".baeum-booking-code");
        assertThat(code).isVisible();
        String booked = code.textContent().strip();
        assertThat(booked).isNotBlank();
        tabTo(page, f -> f.text().equals("내 예약 보기"));
        page.keyboard().press("Enter");

        page.waitForURL(Pattern.compile(".*/my/bookings$"));
        assertThat(heading(page, "내 예약")).isVisible();
        Locator card = page.locator(".baeum-booking-card").filter(new Locator.FilterOptions().setHasText(booked));
        assertThat(card).containsText("14:00–15:00");
        assertThat(card).containsText("예약됨");
        checkAccessible(page, "/my/bookings");
        skipToContent(page);

        tabTo(page, f -> f.label().startsWith(SEATS) && f.label().contains("14:00–15:00") && f.label().endsWith("예약 취소"));
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("예약 취소하기").setExact(true)))
                .isVisible();
        tabTo(page, f -> f.text().equals("예약 취소하기"));
        page.keyboard().press("Enter");
        Locator past = page.locator(".baeum-booking-card").filter(new Locator.FilterOptions().setHasText("14:00–15:00"))
                .filter(new Locator.FilterOptions().setHasText("취소됨"));
        assertThat(past.first()).isVisible();
        checkAccessible(page, "/my/bookings after cancelling");
        context.close();
    }

    /** From the top of the page, Tab to the skip link and follow it: the next Tab is in the page's content. */
    /**
     * axe-core on the other pages of issue 18, as the demo citizen (membership card, learning clubs) and as staff (the
     * front desk with a search answered, the bookable spaces, one space's day, requests to approve).
     */
    @Test
    void the_other_facility_pages_pass_axe_for_citizens_and_staff() throws Exception {
        Page citizen = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900)).newPage();
        signIn(citizen, "citizen");
        for (String[] route : new String[][] {{"/my/membership-card", "회원증"}, {"/my/clubs", "내 동아리"}}) {
            citizen.navigate(portal.url(route[0]));
            assertThat(heading(citizen, route[1])).isVisible();
            checkAccessible(citizen, route[0]);
        }
        citizen.context().close();

        Page staff = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900)).newPage();
        signIn(staff, "staff");
        staff.navigate(portal.url("/staff/desk"));
        assertThat(heading(staff, "접수 데스크")).isVisible();
        staff.getByLabel("코드 또는 이름").fill("김시민");
        staff.getByLabel("코드 또는 이름").press("Enter");
        assertThat(staff.locator("[role=status]").first()).not().isEmpty();
        checkAccessible(staff, "/staff/desk with results");
        for (String[] route : new String[][] {{"/staff/bookables", "시설 관리"}, {"/staff/booking-requests", "예약 승인"}}) {
            staff.navigate(portal.url(route[0]));
            assertThat(heading(staff, route[1])).isVisible();
            checkAccessible(staff, route[0]);
        }
        staff.navigate(portal.url("/staff/bookables/main-digital-seats/day"));
        assertThat(staff.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        checkAccessible(staff, "/staff/bookables/main-digital-seats/day");
        staff.context().close();
    }

    private static void skipToContent(Page page) {
        tabTo(page, f -> f.text().equals("본문으로 건너뛰기"));
        page.keyboard().press("Enter");
    }

    /** The focused element: its accessible label, its tag and its text. */
    record Focus(String label, String element, String text) {
    }

    /** Presses Tab (at most 80 times) until the focused element matches; fails otherwise. */
    private static void tabTo(Page page, Predicate<Focus> matches) {
        java.util.List<Focus> path = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            Object[] parts = ((java.util.List<?>) page.evaluate("""
                    () => { const e = document.activeElement;
                            return e ? [e.getAttribute('aria-label') || '', e.localName, (e.textContent || '').trim()]
                                     : ['', '', '']; }
                    """)).toArray();
            Focus focus = new Focus(String.valueOf(parts[0]), String.valueOf(parts[1]), String.valueOf(parts[2]));
            if (matches.test(focus)) {
                return;
            }
            path.add(focus);
        }
        throw new AssertionError("Tab never reached the element; it went " + path);
    }

    private static void signIn(Page page, String username) {
        page.navigate(portal.url("/login"));
        page.getByLabel("아이디 또는 이메일").fill(username);
        page.getByLabel("비밀번호", new Page.GetByLabelOptions().setExact(true)).fill(PackagedPortal.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/$"));
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1));
    }

    private static void checkAccessible(Page page, String what) throws Exception {
        assertThat(Browser.undefinedVaadinElements(page)).as("web components missing on " + what).isEmpty();
        assertThat(Browser.axeViolations(page)).as("axe on " + what).isEmpty();
    }
}
