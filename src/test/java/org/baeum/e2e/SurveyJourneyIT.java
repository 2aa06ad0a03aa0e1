package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A citizen answers a satisfaction survey with the keyboard alone (issue 19): 나의 배움 shows the demo's open survey,
 * the link opens the form, every rated question is answered with Space and the arrow keys and the comment typed, the
 * answer sent with Enter; opened again, the form shows the answer, one point is changed with an arrow key and sent
 * again. The stored answer (read back through the link's API) has the change. A changed link says so plainly.
 * axe-core on every page.
 */
@ExtendWith(Shared.class)
class SurveyJourneyIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The point given to each rated question, in the order asked. */
    static final Map<String, Integer> POINTS = Map.of("overall", 5, "instructor", 4, "content", 4, "room", 4,
            "running", 5, "recommend", 5);
    static Browser browser;
    static PackagedPortal portal;

    @BeforeAll
    static void start(Browser sharedBrowser, PackagedPortal sharedPortal) throws Exception {
        browser = sharedBrowser;
        portal = sharedPortal;
    }

    @Test
    void a_citizen_answers_by_keyboard_and_changes_one_answer() throws Exception {
        Page page = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900)).newPage();
        page.navigate(portal.url("/login"));
        page.getByLabel("아이디 또는 이메일").fill("citizen");
        page.getByLabel("비밀번호", new Page.GetByLabelOptions().setExact(true)).fill(PackagedPortal.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/$"));

        page.navigate(portal.url("/my/learning"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("만족도 조사").setLevel(2)))
                .isVisible();
        accessible(page, "/my/learning with the survey notice");
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(Pattern.compile("조사에 답하기$"))).first();
        String href = link.getAttribute("href");
        String token = href.substring(href.indexOf("token=") + "token=".length());
        tabTo(page, f -> f.element().equals("a") && f.text().endsWith("조사에 답하기"));
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/survey\\?token=.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("특강 만족도 조사").setLevel(1)))
                .isVisible();
        accessible(page, "/survey");

        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 120 && answered.size() < POINTS.size() + 1; i++) {
            page.keyboard().press("Tab");
            Focus f = focus(page);
            if (f.question().isEmpty() || answered.contains(f.question())) {
                continue;
            }
            if (f.element().equals("textarea")) {
                page.keyboard().type("키보드만으로 답했습니다.");
                answered.add(f.question());
            } else if (POINTS.containsKey(f.question())) {
                page.keyboard().press("Space"); // point 1
                for (int p = 1; p < POINTS.get(f.question()); p++) {
                    page.keyboard().press("ArrowRight");
                }
                answered.add(f.question());
            }
        }
        assertThat(answered).containsExactlyInAnyOrder("overall", "instructor", "content", "room", "running",
                "recommend", "comment");
        tabTo(page, f -> f.element().equals("vaadin-button") && f.text().equals("답변 보내기"));
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("답변을 저장했습니다")))
                .isVisible();
        accessible(page, "/survey after sending");
        JsonNode stored = answers(page, token);
        POINTS.forEach((q, p) -> assertThat(stored.get(q).asInt()).as(q).isEqualTo(p));
        assertThat(stored.get("comment").asString()).isEqualTo("키보드만으로 답했습니다.");

        // change one answer on the same page, by keyboard: back to the room question, one point down, send again
        tabTo(page, "Shift+Tab", f -> f.question().equals("room"));
        page.keyboard().press("ArrowLeft"); // 4 → 3
        tabTo(page, f -> f.element().equals("vaadin-button") && f.text().equals("답변 보내기"));
        page.keyboard().press("Enter");
        for (int i = 0; i < 50 && answers(page, token).get("room").asInt() != 3; i++) {
            page.waitForTimeout(200); // the round trip of the second send
        }
        JsonNode changed = answers(page, token);
        assertThat(changed.get("room").asInt()).isEqualTo(3);
        assertThat(changed.get("overall").asInt()).isEqualTo(5);

        page.navigate(href.startsWith("http") ? href : portal.url("/" + href));
        assertThat(page.getByText("이 링크로 이미 답하셨습니다")).isVisible();
        accessible(page, "/survey answered before");

        page.navigate(portal.url("/survey?token=" + token.substring(0, token.length() - 1)
                + (token.endsWith("A") ? "B" : "A")));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("열 수 없는 조사 링크")))
                .isVisible();
        accessible(page, "/survey with a changed link");
    }

    private static JsonNode answers(Page page, String token) throws Exception {
        return JSON.readTree(page.request().get(portal.url("/api/v1/surveys/" + token)).text()).get("answers");
    }

    /** The focused element: its tag, its text, and the survey question it belongs to ("" when none). */
    record Focus(String element, String text, String question) {
    }

    private static Focus focus(Page page) {
        Object[] parts = ((List<?>) page.evaluate("""
                () => { const e = document.activeElement;
                        if (!e) return ['', '', ''];
                        const q = e.closest('[data-question]');
                        return [e.localName, (e.textContent || '').trim(), q ? q.getAttribute('data-question') : '']; }
                """)).toArray();
        return new Focus(String.valueOf(parts[0]), String.valueOf(parts[1]), String.valueOf(parts[2]));
    }

    private static void tabTo(Page page, java.util.function.Predicate<Focus> matches) {
        tabTo(page, "Tab", matches);
    }

    /** Presses the key (Tab or Shift+Tab, at most 120 times) until the focused element matches; fails otherwise. */
    private static void tabTo(Page page, String key, java.util.function.Predicate<Focus> matches) {
        List<Focus> path = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            page.keyboard().press(key);
            Focus f = focus(page);
            if (matches.test(f)) {
                return;
            }
            path.add(f);
        }
        throw new AssertionError("Tab never reached the element; it went " + path);
    }

    private static void accessible(Page page, String what) throws Exception {
        assertThat(Browser.undefinedVaadinElements(page)).as("web components missing on " + what).isEmpty();
        assertThat(Browser.axeViolations(page)).as("axe on " + what).isEmpty();
    }
}
