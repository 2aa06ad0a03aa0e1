package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A recruitment round played through in the packaged portal, in Korean (issue 15): staff create a round (API) over two
 * published classes whose lottery closes 45 s later; the demo citizen finds it under 추첨 모집, applies with two ranked
 * choices by keyboard and sees the application number and when the result comes; the portal draws it (the journeys'
 * portal draws 2 s after the close, {@link PackagedPortal#DRAW_SETTLE}) and places the result; the citizen sees the win,
 * accepts the offer on 나의 배움 and finds the class among the current ones, and their browser verifies the published
 * draw. Staff open the round's desk and run a dry-run draw. Axe on every page.
 */
@ExtendWith(Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecruitmentJourneyIT {

    static final String ROUND = "E2E-JOURNEY";
    static final String TITLE = "종단 시험 추첨 모집";
    static final DateTimeFormatter KOREAN_TIME = DateTimeFormatter.ofPattern("yyyy. M. d. (E) HH:mm", Locale.KOREAN)
            .withZone(ZoneId.of("Asia/Seoul"));
    static final ObjectMapper JSON = new ObjectMapper();

    /** A published class the round recruits. */
    record Choice(String id, String title) {
    }

    static PackagedPortal portal;
    static Browser browser;
    static List<Choice> choices;
    static Instant closes;
    static String staffToken;
    static String citizenToken;

    @BeforeAll
    static void start(Browser sharedBrowser) throws Exception {
        browser = sharedBrowser;
        portal = PackagedPortal.start();
        System.out.println("Packaged portal ready in " + portal.lastStartup().toMillis() + " ms");
        staffToken = token("staff");
        citizenToken = token("citizen");
        choices = twoClassesTheCitizenHasNoEntryIn();

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        closes = now.plusSeconds(45);
        Instant firstCome = closes.plus(1, ChronoUnit.DAYS);
        String round = """
                {"id":"%s","titleKo":"%s","titleEn":"End-to-end recruitment","offerings":["%s","%s"],
                 "phases":[{"kind":"LOTTERY","opensAt":"%s","closesAt":"%s"},
                           {"kind":"FIRST_COME","opensAt":"%s","closesAt":"%s"}],
                 "confirmationDeadline":"%s","secondEntryForPreviousLosers":false,"reservedPercent":0,
                 "reservedCategories":[],"reservedDistricts":[]}"""
                .formatted(ROUND, TITLE, choices.get(0).id(), choices.get(1).id(), now.minus(1, ChronoUnit.MINUTES),
                        closes, firstCome, firstCome.plus(7, ChronoUnit.DAYS), closes.plus(2, ChronoUnit.DAYS));
        HttpResponse<String> created = send("POST", "/api/v1/rounds", round, staffToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void a_citizen_applies_wins_the_draw_accepts_the_seat_and_sees_the_draw_verified() throws Exception {
        Page page = newKoreanPage();
        signIn(page, "citizen");

        page.navigate(portal.url("/rounds"));
        assertThat(heading(page, "추첨 모집")).isVisible();
        Locator roundLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(TITLE).setExact(true));
        assertThat(roundLink).isVisible();
        checkAccessible(page, "/rounds");
        roundLink.focus();
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/rounds/" + ROUND + "$"));
        assertThat(heading(page, TITLE)).isVisible();

        Locator choiceSelects = page.locator("vaadin-select.baeum-apply-choice");
        chooseByKeyboard(page, choiceSelects.nth(0), choices.get(0));
        chooseByKeyboard(page, choiceSelects.nth(1), choices.get(1));
        Locator submit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("추첨 신청하기"));
        for (int i = 0; i < 5 && !isFocused(submit); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(submit).isFocused();
        page.keyboard().press("Enter");

        String announced = "발표 " + KOREAN_TIME.format(closes);
        Locator done = page.locator(".baeum-apply-done");
        assertThat(done.getByRole(AriaRole.HEADING)).hasText("추첨 신청 완료 — " + announced);
        assertThat(done.locator(".baeum-application-number")).hasText(ROUND + "-000001");
        Locator mine = page.locator(".baeum-application-card");
        assertThat(mine).hasCount(1);
        assertThat(mine.locator(".baeum-application-state")).hasText("신청 완료 — " + announced);
        checkAccessible(page, "/rounds/" + ROUND + " after applying");

        // the portal draws 2 s after the close and places the results: the citizen then holds an offered seat
        Awaitility.await("the draw published the seed and offered the citizen a seat").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).until(RecruitmentJourneyIT::drawnAndPlaced);

        page.navigate(portal.url("/my/applications"));
        assertThat(heading(page, "내 추첨 신청")).isVisible();
        Locator card = page.locator(".baeum-application-card").filter(new Locator.FilterOptions()
                .setHasText("신청 번호 " + ROUND + "-000001"));
        assertThat(card.locator(".baeum-application-state")).containsText("당첨: " + choices.get(0).title() + " · ");
        checkAccessible(page, "/my/applications");

        page.navigate(portal.url("/my/learning"));
        assertThat(heading(page, "나의 배움")).isVisible();
        Locator accept = section(page, "답을 기다리는 자리 제안").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("제안 수락: " + choices.get(0).title()).setExact(true));
        accept.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".baeum-learning-status")).hasText("제안을 수락해 신청이 완료되었습니다.");
        assertThat(section(page, "수강 중이거나 곧 시작하는 강좌").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(choices.get(0).title()).setExact(true))).isVisible();
        assertThat(accept).hasCount(0);
        checkAccessible(page, "/my/learning after accepting");

        page.navigate(portal.url("/rounds/" + ROUND + "/draw"));
        assertThat(page.locator("h1")).hasText(TITLE + " — 추첨 결과");
        assertThat(page.locator("#draw-verification")).hasText("검증됨: 이 브라우저에서 다시 계산한 결과가 공개된 결과와 같습니다.",
                new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        checkAccessible(page, "/rounds/" + ROUND + "/draw");
        page.context().close();
    }

    @Test
    @Order(2)
    void staff_watch_the_round_run_a_dry_run_draw_and_find_the_export() throws Exception {
        JsonNode counts = JSON.readTree(send("GET", "/api/v1/rounds/" + ROUND + "/applications", null, staffToken).body());
        int submitted = counts.get("applications").asInt();

        Page page = newKoreanPage();
        signIn(page, "staff");
        page.navigate(portal.url("/staff/rounds"));
        assertThat(heading(page, "추첨 모집 회차")).isVisible();
        Locator roundLink = page.locator("vaadin-grid").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(TITLE).setExact(true));
        assertThat(roundLink).isVisible();
        checkAccessible(page, "/staff/rounds");

        roundLink.click();
        page.waitForURL(Pattern.compile(".*/staff/rounds/" + ROUND + "$"));
        assertThat(heading(page, TITLE + " — 모집 현황")).isVisible();
        assertThat(page.getByText("제출된 신청 " + submitted + "건", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        checkAccessible(page, "/staff/rounds/" + ROUND);

        Locator dryRun = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("미리 추첨 (시험)"));
        dryRun.focus();
        page.keyboard().press("Enter");
        Locator panel = page.locator(".baeum-draw-preview");
        assertThat(panel.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions()
                .setName("미리 추첨 결과 — 시험, 실제 결과 아님"))).isVisible();
        assertThat(panel.getByText(Pattern.compile("^시험 추첨: 신청 " + submitted
                + "건 가운데 \\d+건 당첨, \\d+건 낙첨\\(저장되지 않음\\)\\.$"))).isVisible();
        assertThat(panel.locator("vaadin-grid")).isVisible();
        checkAccessible(page, "/staff/rounds/" + ROUND + " after the dry run");

        Locator export = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("신청·결과 내려받기(XLSX)"));
        assertThat(export).isVisible();
        assertThat(export).hasAttribute("href", Pattern.compile(".+"));
        page.context().close();
    }

    // ---- browser helpers -------------------------------------------------------------------------------

    private static Page newKoreanPage() {
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900)).newPage();
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

    /** The page's section headed (h2) {@code name}. */
    private static Locator section(Page page, String name) {
        return page.locator("section").filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(2))));
    }

    private static boolean isFocused(Locator element) {
        return (Boolean) element.evaluate("e => e === document.activeElement || e.matches(':focus-within')");
    }

    /**
     * Opens the select with the arrow key, moves down its list until the class's item has the focus, and picks it with
     * Enter, as a keyboard user does; the select then shows the class.
     */
    private static void chooseByKeyboard(Page page, Locator select, Choice choice) {
        Locator button = select.locator("vaadin-select-value-button");
        button.focus(); // the select's focusable part (focusing the host element focuses nothing)
        page.keyboard().press("ArrowDown");
        Locator focused = select.locator("vaadin-select-item[focused]"); // the list's items are the select's children
        focused.waitFor();
        String wanted = choice.title() + " · ";
        for (int i = 0; i < 10 && !focused.textContent().strip().startsWith(wanted); i++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat(focused).containsText(wanted);
        page.keyboard().press("Enter");
        assertThat(button).containsText(wanted);
    }

    /** No web component missing from the production bundle, and no WCAG 2.1 A/AA violation axe-core finds. */
    private static void checkAccessible(Page page, String what) throws Exception {
        assertThat(Browser.undefinedVaadinElements(page)).as("web components missing on " + what).isEmpty();
        assertThat(Browser.axeViolations(page)).as("axe on " + what).isEmpty();
    }

    // ---- API helpers -------------------------------------------------------------------------------------

    /**
     * Two published first-come classes with seats left, starting in more than three days, with distinct titles, that
     * admit the demo citizen's age and in which their household has no entry (so the win becomes a fresh offer the
     * citizen can accept).
     */
    private static List<Choice> twoClassesTheCitizenHasNoEntryIn() throws Exception {
        LocalDate born = null;
        for (JsonNode member : JSON.readTree(send("GET", "/api/v1/me", null, citizenToken).body()).get("household")) {
            if (member.get("self").asBoolean()) {
                born = LocalDate.parse(member.get("birthDate").asString());
            }
        }
        assertThat(born).as("the demo citizen's birth date").isNotNull();
        Set<String> taken = new HashSet<>();
        for (JsonNode e : JSON.readTree(send("GET", "/api/v1/me/enrollments", null, citizenToken).body())) {
            taken.add(e.get("offeringId").asString());
            taken.add(e.get("title").asString());
        }
        List<Choice> found = new ArrayList<>();
        LocalDate later = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(3);
        JsonNode page = JSON.readTree(send("GET", "/api/v1/offerings?seats=true&size=100", null, null).body());
        for (JsonNode o : page.get("items")) {
            JsonNode phases = o.get("recruitment").get("phases");
            String title = o.get("titleKo").asString();
            boolean firstComeOnly = phases.size() == 1 && "FIRST_COME".equals(phases.get(0).get("method").asString());
            LocalDate first = LocalDate.parse(o.get("firstDate").asString());
            if (firstComeOnly && o.get("seatsLeft").asInt() > 0 && first.isAfter(later)
                    && admits(o, Period.between(born, first).getYears())
                    && !taken.contains(o.get("id").asString()) && !taken.contains(title)
                    && found.stream().noneMatch(c -> c.title().equals(title))) {
                found.add(new Choice(o.get("id").asString(), title));
            }
            if (found.size() == 2) {
                return found;
            }
        }
        throw new IllegalStateException("The demo data has no two classes for the journey: " + found);
    }

    /** Whether the class admits an adult of this age: its own age limits when it has them, else its audience. */
    private static boolean admits(JsonNode offering, int age) {
        JsonNode min = offering.get("minAge");
        JsonNode max = offering.get("maxAge");
        if ((min != null && !min.isNull()) || (max != null && !max.isNull())) {
            return (min == null || min.isNull() || age >= min.asInt()) && (max == null || max.isNull() || age <= max.asInt());
        }
        return age >= 19 && List.of("ADULT", "SPORTS").contains(offering.get("audience").asString());
    }

    /** The public record carries the seed, and the citizen's household holds an offered seat in the first choice. */
    private static boolean drawnAndPlaced() throws Exception {
        JsonNode record = JSON.readTree(send("GET", "/api/v1/rounds/" + ROUND + "/draw", null, null).body());
        JsonNode seed = record.get("seed");
        if (seed == null || !seed.isString() || seed.stringValue().length() != 64) {
            return false;
        }
        for (JsonNode e : JSON.readTree(send("GET", "/api/v1/me/enrollments", null, citizenToken).body())) {
            if (choices.get(0).id().equals(e.get("offeringId").asString()) && "OFFERED".equals(e.get("status").asString())) {
                return true;
            }
        }
        return false;
    }

    private static String token(String username) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + PackagedPortal.DEMO_PASSWORD + "\"}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("token").asString();
    }

    private static HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path)))
                .timeout(Duration.ofSeconds(30)).header("Accept-Language", "ko");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
