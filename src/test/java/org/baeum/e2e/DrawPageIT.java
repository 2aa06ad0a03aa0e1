package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public draw page in the packaged portal, under its CSP: staff create a round (API) whose lottery closed two
 * hours ago, the portal's draw job draws it within seconds ({@link PackagedPortal#DRAW_EVERY}), and an anonymous visitor's Chromium fetches the
 * record and recomputes it with the bundle's {@code draw-verify.js}; the status line says verified.
 */
@ExtendWith(Shared.class)
class DrawPageIT {

    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern SEED = Pattern.compile("\"seed\"\\s*:\\s*\"[0-9a-f]{64}\"");

    static Browser browser;
    static PackagedPortal portal;

    @BeforeAll
    static void start(Browser sharedBrowser, PackagedPortal sharedPortal) throws Exception {
        browser = sharedBrowser;
        portal = sharedPortal;
    }

    @Test
    void an_anonymous_visitor_sees_the_drawn_round_verified_by_their_own_browser() throws Exception {
        HttpResponse<String> token = send("POST", "/api/v1/auth/token",
                "{\"username\":\"staff\",\"password\":\"" + PackagedPortal.DEMO_PASSWORD + "\"}", null);
        Matcher bearer = TOKEN.matcher(token.body());
        assertThat(bearer.find()).as("a token in " + token.statusCode()).isTrue();
        Matcher offering = SecurityHeadersIT.ID.matcher(send("GET", "/api/v1/offerings?size=1", null, null).body());
        assertThat(offering.find()).isTrue();
        Instant closed = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String round = """
                {"id":"E2E-DRAW","titleKo":"종단 시험 추첨","titleEn":"End-to-end draw","offerings":["%s"],
                 "phases":[{"kind":"LOTTERY","opensAt":"%s","closesAt":"%s"}],"confirmationDeadline":"%s",
                 "secondEntryForPreviousLosers":false,"reservedPercent":0,"reservedCategories":[],"reservedDistricts":[]}"""
                .formatted(offering.group(1), closed.minus(1, ChronoUnit.HOURS), closed, closed.plus(2, ChronoUnit.DAYS));
        HttpResponse<String> created = send("POST", "/api/v1/rounds", round, bearer.group(1));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // the draw job runs every PackagedPortal.DRAW_EVERY: wait until the public record carries the seed
        String record = org.awaitility.Awaitility.await("the draw job drew the round")
                .atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> send("GET", "/api/v1/rounds/E2E-DRAW/draw", null, null).body(), b -> SEED.matcher(b).find());
        assertThat(record).containsPattern(SEED);

        Page page = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR")).newPage();
        page.navigate(portal.url("/rounds/E2E-DRAW/draw"));
        assertThat(page.locator("h1")).hasText("종단 시험 추첨 — 추첨 결과");
        assertThat(page.locator("#draw-verification")).hasText(
                "검증됨: 이 브라우저에서 다시 계산한 결과가 공개된 결과와 같습니다.",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(page.locator("#draw-verification")).hasAttribute("aria-live", "polite");
        assertThat(Browser.axeViolations(page)).as("axe on the draw page").isEmpty();
        page.context().close();
    }

    private static HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path)))
                .timeout(Duration.ofSeconds(30));
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
