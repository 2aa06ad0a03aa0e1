package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * STAFF declare a closure in the packaged portal (issue 18): the demo class 늘푸른학교 in 평생학습실 2 meets on a
 * day at least three days ahead; staff close that room for that day from 휴관 관리 → 휴관 선언, see the class in the
 * impact, choose to cancel every class hit (confirm stays disabled until then), confirm in the dialog and land on the
 * plan, which the due job applies (the page shows APPLIED by itself). axe-core on every page.
 */
@ExtendWith(Shared.class)
class ClosureJourneyIT {

    static final String ROOM = "main-ll-2";
    static final String CLASS_TITLE = "늘푸른학교 중학 과정";
    static final ObjectMapper JSON = new ObjectMapper();
    static Browser browser;
    static PackagedPortal portal;

    @BeforeAll
    static void start(Browser sharedBrowser) throws Exception {
        browser = sharedBrowser;
        portal = PackagedPortal.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    /** The first day at least three days ahead on which the demo class meets in its room (public API). */
    private static LocalDate classDay(Page page) throws Exception {
        LocalDate later = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(3);
        JsonNode found = JSON.readTree(page.request().get(portal.url("/api/v1/offerings?size=100")).text());
        for (JsonNode o : found.get("items")) {
            if (!ROOM.equals(o.get("room").asString()) || !CLASS_TITLE.equals(o.get("titleKo").asString())) {
                continue;
            }
            JsonNode one = JSON.readTree(page.request().get(portal.url("/api/v1/offerings/" + o.get("id").asString()))
                    .text());
            for (JsonNode day : one.get("sessionDates")) {
                LocalDate date = LocalDate.parse(day.asString());
                if (!date.isBefore(later)) {
                    return date;
                }
            }
        }
        throw new AssertionError("no session of " + CLASS_TITLE + " in " + ROOM + " from " + later);
    }

    private static String korean(LocalDate day) {
        return day.getYear() + ". " + day.getMonthValue() + ". " + day.getDayOfMonth() + ".";
    }

    private static void accessible(Page page, String what) throws Exception {
        assertThat(Browser.undefinedVaadinElements(page)).as("web components missing on " + what).isEmpty();
        assertThat(Browser.axeViolations(page)).as("axe on " + what).isEmpty();
    }

    @Test
    void staff_preview_a_room_closure_cancel_its_class_confirm_and_see_the_plan_applied() throws Exception {
        Page page = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900)).newPage();
        LocalDate day = classDay(page);
        page.navigate(portal.url("/login"));
        page.getByLabel("아이디 또는 이메일").fill("staff");
        page.getByLabel("비밀번호", new Page.GetByLabelOptions().setExact(true)).fill(PackagedPortal.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/$"));

        page.navigate(portal.url("/staff/closures"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("휴관 관리").setLevel(1)))
                .isVisible();
        accessible(page, "/staff/closures");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("휴관 선언").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/staff/closures/new$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("휴관 선언").setLevel(1)))
                .isVisible();
        accessible(page, "/staff/closures/new");

        page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("휴관 범위")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("강의실").setExact(true)).click();
        page.getByLabel("대상").fill("평생학습실 2");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("본관 · 평생학습실 2").setExact(true)).click();
        page.getByLabel("첫 휴관일").fill(korean(day));
        page.getByLabel("첫 휴관일").press("Enter");
        page.getByLabel("마지막 휴관일").fill(korean(day));
        page.getByLabel("마지막 휴관일").press("Enter");
        page.getByLabel("사유(한국어)").fill("배관 교체 공사");
        page.getByLabel("사유(영어)").fill("Pipe replacement");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("영향 보기")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^걸리는 수업 \\d+회")).setLevel(2))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(CLASS_TITLE).setLevel(3)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("영향:"))).isVisible();
        Locator confirm = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("휴관 확정"));
        assertThat(confirm).isDisabled();

        Locator choices = page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions()
                .setName(Pattern.compile(": 처리 방법$")));
        int classes = choices.count();
        assertThat(classes).as("classes hit").isPositive();
        for (int i = 0; i < classes; i++) {
            choices.nth(i).getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("수업 취소·환불")).check();
            assertThat(page.getByText("1인당 환불").nth(i)).isVisible();
        }
        assertThat(confirm).isEnabled();
        accessible(page, "/staff/closures/new with the impact");

        confirm.click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("안내 메일을 보냅니다");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("휴관 확정")).click();

        page.waitForURL(Pattern.compile(".*/staff/closures/plans/.+"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("휴관 계획").setLevel(1)))
                .isVisible();
        // the due job applies the plan; the page asks again while it is APPLYING and announces the change
        assertThat(page.getByText("상태: 적용 완료")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(CLASS_TITLE).setLevel(3)))
                .isVisible();
        assertThat(page.getByText("처리: 수업 취소·환불").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(PortalJourneyIT.SCREENSHOTS.resolve("staff-closure-plan.png"))
                .setFullPage(true));
        accessible(page, "the closure plan");

        page.navigate(portal.url("/staff/closures"));
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("적용 완료"))
                .first()).isVisible();
        page.context().close();
    }
}
