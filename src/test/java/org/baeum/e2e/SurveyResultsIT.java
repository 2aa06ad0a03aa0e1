package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The survey results screens in the packaged portal (decision 0052): the demo admin reads the latest demo survey on
 * {@code /staff/survey-results} as captioned tables; the demo instructor opens {@code /instructor/survey-results};
 * axe finds nothing on either page.
 */
@ExtendWith(Shared.class)
class SurveyResultsIT {

    static Browser browser;
    static PackagedPortal portal;

    @BeforeAll
    static void start(Browser sharedBrowser, PackagedPortal sharedPortal) throws Exception {
        browser = sharedBrowser;
        portal = sharedPortal;
    }

    private Page signIn(String user) {
        Page page = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900)).newPage();
        page.navigate(portal.url("/login"));
        page.getByLabel("아이디 또는 이메일").fill(user);
        page.getByLabel("비밀번호", new Page.GetByLabelOptions().setExact(true)).fill(PackagedPortal.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/$"));
        return page;
    }

    @Test
    void the_admin_reads_the_latest_demo_survey_as_tables_and_the_page_is_accessible() throws Exception {
        Page page = signIn("admin");
        page.navigate(portal.url("/staff/survey-results"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("만족도 조사 결과").setLevel(1)))
                .isVisible();
        // the page opens on the latest survey to close, its results shown at once
        var table = page.locator(".baeum-survey-result table").first();
        assertThat(table.locator("caption")).containsText("문항별 결과");
        assertThat(table.locator("thead th[scope='col']").first()).isVisible();
        assertThat(table.locator("tbody th[scope='row']").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(PortalJourneyIT.SCREENSHOTS.resolve("staff-survey-results.png"))
                .setFullPage(true));
        assertThat(Browser.undefinedVaadinElements(page)).as("web components missing from the bundle").isEmpty();
        assertThat(Browser.axeViolations(page)).as("axe on /staff/survey-results").isEmpty();
        page.context().close();
    }

    @Test
    void the_instructor_opens_their_results_and_the_page_is_accessible() throws Exception {
        Page page = signIn("instructor");
        page.navigate(portal.url("/instructor/survey-results"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("내 강좌 만족도 조사 결과")
                .setLevel(1))).isVisible();
        assertThat(Browser.axeViolations(page)).as("axe on /instructor/survey-results").isEmpty();
        page.context().close();
    }
}
