package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reporting dashboard in the packaged portal: the demo admin opens {@code /reports}; the first report's section is
 * open with its table (a caption, merged headings) and the chart's canvas, an image labelled with the chart's title;
 * the page has no axe violations.
 */
@ExtendWith(Shared.class)
class ReportsDashboardIT {

    static Browser browser;
    static PackagedPortal portal;

    @BeforeAll
    static void start(Browser sharedBrowser, PackagedPortal sharedPortal) throws Exception {
        browser = sharedBrowser;
        portal = sharedPortal;
    }

    @Test
    void the_admin_sees_the_first_report_as_a_table_and_a_labelled_chart_and_the_page_is_accessible() throws Exception {
        Page page = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900)).newPage();
        page.navigate(portal.url("/login"));
        page.getByLabel("아이디 또는 이메일").fill("admin");
        page.getByLabel("비밀번호", new Page.GetByLabelOptions().setExact(true)).fill(PackagedPortal.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/$"));
        page.navigate(portal.url("/reports"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("보고서").setLevel(1))).isVisible();
        Locator yearSelect = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^연도 ")));
        assertThat(yearSelect).isVisible();

        Locator table = page.locator("section.baeum-report-section table").first();
        assertThat(table.locator("caption")).not().isEmpty();
        assertThat(table.locator("thead th").first()).isVisible();
        Locator canvas = page.locator("baeum-chart canvas[role='img']").first();
        canvas.waitFor();
        assertThat(canvas).hasAttribute("aria-label", Pattern.compile(".+ 막대 그래프\\. 같은 수치가 아래 표에 있습니다\\."));

        // last year: the demo history's classes, with both counts in the table
        int lastYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).getYear() - 1;
        yearSelect.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile(lastYear + ".*"))).click();
        Locator total = table.locator("tbody tr").last();
        assertThat(total).containsText("전체");
        assertThat(total.locator("td").last()).containsText(Pattern.compile("[1-9]"));

        com.microsoft.playwright.Download xlsx = page.waitForDownload(() -> page.locator(
                "section.baeum-report-section .baeum-export-xlsx").first().click());
        org.assertj.core.api.Assertions.assertThat(xlsx.suggestedFilename()).endsWith(".xlsx");
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.size(xlsx.path())).isGreaterThan(1000);
        page.screenshot(new Page.ScreenshotOptions().setPath(PortalJourneyIT.SCREENSHOTS.resolve("admin-reports.png"))
                .setFullPage(true));
        assertThat(Browser.undefinedVaadinElements(page)).as("web components missing from the bundle").isEmpty();
        assertThat(Browser.axeViolations(page)).as("axe on /reports").isEmpty();
        page.context().close();
    }
}
