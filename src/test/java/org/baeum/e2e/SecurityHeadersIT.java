package org.baeum.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged portal under its Content-Security-Policy (decision 0019) in a real browser: anonymous and each demo role
 * open every route they may open (the routes and who may open them come from {@code RouteAccessTest}), and no page may
 * report a CSP violation or be left unrendered. Staff also open the HTML preview of a mail in the outbox, a sandboxed
 * {@code srcdoc} frame that inherits the portal's policy.
 */
@ExtendWith(Shared.class)
class SecurityHeadersIT {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    static PackagedPortal portal;
    static Browser browser;
    static Map<String, Set<String>> routes;
    static Map<String, String> parameters;

    @BeforeAll
    static void start(Browser sharedBrowser, PackagedPortal sharedPortal) throws Exception {
        browser = sharedBrowser;
        portal = sharedPortal;
        routes = routesAndRoles();
        parameters = demoIds();
    }

    @ParameterizedTest(name = "{0} opens every page it may open without a CSP violation")
    @ValueSource(strings = {"anonymous", "citizen", "instructor", "staff", "admin"})
    void every_route_renders_under_the_policy(String who) throws Exception {
        BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("ko-KR").setViewportSize(1280, 900));
        List<String> violations = new ArrayList<>();
        String[] current = {"sign-in"};
        context.addInitScript("""
                document.addEventListener('securitypolicyviolation', e => console.error('CSP violation (Content Security'
                    + ' Policy): ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' '
                    + (e.sample || '') + ' at ' + e.sourceFile + ':' + e.lineNumber));""");
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Content-Security-Policy")) {
                violations.add(current[0] + ": " + m.text());
            }
        });
        page.onPageError(error -> {
            if (error.contains("Content Security Policy") || error.contains("EvalError")) {
                violations.add(current[0] + ": " + error);
            }
        });
        if (!who.equals("anonymous")) {
            signIn(page, who);
        }

        SoftAssertions soft = new SoftAssertions();
        int opened = 0;
        int blank = 0;
        for (var route : routes.entrySet()) {
            if (!route.getValue().contains(who.toUpperCase())) {
                continue;
            }
            String path = "/" + fill(route.getKey());
            current[0] = path;
            Response response = page.navigate(portal.url(path));
            String policy = response.headerValue("content-security-policy");
            soft.assertThat(policy).as("policy of " + path).isNotNull().contains("script-src 'self' 'nonce-")
                    .contains("object-src 'none'");
            if (policy != null) {
                soft.assertThat(scriptSources(policy)).as("script-src of " + path).doesNotContain("'unsafe-inline'");
            }
            soft.assertThat(response.headerValue("x-content-type-options")).as("nosniff on " + path).isEqualTo("nosniff");
            boolean rendered = rendered(page);
            soft.assertThat(rendered).as("Vaadin rendered " + path + " for " + who).isTrue();
            if (!rendered && ++blank == 3) {
                break; // each blank page waits 15 s: three say enough (a policy that stops Flow blanks all of them)
            }
            soft.assertThat(Browser.undefinedVaadinElements(page)).as("undefined web components on " + path).isEmpty();
            if (!who.equals("anonymous") && !path.equals("/login")) {
                soft.assertThat(page.url()).as(who + " was let in to " + path).doesNotContain("/login");
            }
            opened++;
        }
        if (who.equals("staff")) {
            current[0] = "outbox HTML preview";
            openTheHtmlPreviewOfAMail(page, soft);
        }
        soft.assertThat(opened).as("pages opened by " + who).isGreaterThanOrEqualTo(12);
        soft.assertThat(violations).as("CSP violations").isEmpty();
        context.close();
        soft.assertAll();
    }

    /** The layout is a defined, visible {@code vaadin-app-layout} and the view's heading is shown. */
    private static boolean rendered(Page page) {
        try {
            page.locator("vaadin-app-layout").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                    .setTimeout(15_000));
            page.locator("h1").first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                    .setTimeout(15_000));
            return (Boolean) page.evaluate("() => !!customElements.get('vaadin-app-layout')");
        } catch (com.microsoft.playwright.TimeoutError notRendered) {
            return false;
        }
    }

    /** A password-reset mail to a demo citizen (asked for through the public API), opened in the outbox by staff. */
    private static void openTheHtmlPreviewOfAMail(Page page, SoftAssertions soft) throws Exception {
        HttpResponse<String> reset = post("/api/v1/auth/password-reset", "{\"email\":\"younghee.lee@baeum.localhost\"}", null);
        assertThat(reset.statusCode()).isEqualTo(202);
        page.navigate(portal.url("/staff/outbox"));
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("비밀번호 재설정")).first().click();
        page.getByText("HTML 미리 보기").click();
        Locator frame = page.locator("iframe.baeum-outbox-html");
        frame.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        FrameLocator mail = page.frameLocator("iframe.baeum-outbox-html");
        PlaywrightAssertions.assertThat(mail.getByText("이영희님, 안녕하세요.")).isVisible();
        Locator button = mail.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("새 비밀번호 정하기"));
        PlaywrightAssertions.assertThat(button).isVisible();
        // the button's inline style (padding) applied: the policy lets the frame use the mail's own styles
        soft.assertThat((String) button.evaluate("a => getComputedStyle(a).paddingTop")).isEqualTo("12px");
        soft.assertThat(frame.boundingBox().height).as("preview height").isGreaterThan(100);
    }

    private static void signIn(Page page, String username) {
        page.navigate(portal.url("/login"));
        page.getByLabel("아이디 또는 이메일").fill(username);
        page.getByLabel("비밀번호", new Page.GetByLabelOptions().setExact(true)).fill(PackagedPortal.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/$"));
    }

    private static String scriptSources(String policy) {
        for (String directive : policy.split(";")) {
            if (directive.strip().startsWith("script-src ")) {
                return directive.strip();
            }
        }
        return "";
    }

    /** The route template with its parameters replaced by ids from the demo data; an unknown parameter fails. */
    private static String fill(String template) {
        String path = template;
        for (var parameter : parameters.entrySet()) {
            path = path.replace(parameter.getKey(), parameter.getValue());
        }
        assertThat(path).as("a route parameter this test has no demo id for").doesNotContain(":");
        return path;
    }

    /**
     * Every route of the portal ({@code RouteAccessTest.routes()}, a class-path scan of {@code @Route}) and the roles
     * that may open it ({@code RouteAccessTest.EXPECTED}), read by reflection from that unit test in another package.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> routesAndRoles() throws Exception {
        Class<?> access = Class.forName("org.baeum.base.ui.RouteAccessTest");
        Method scan = access.getDeclaredMethod("routes");
        scan.setAccessible(true);
        Field expected = access.getDeclaredField("EXPECTED");
        expected.setAccessible(true);
        Map<String, Class<?>> found = (Map<String, Class<?>>) scan.invoke(null);
        Map<String, Set<? extends Enum<?>>> allowed = (Map<String, Set<? extends Enum<?>>>) expected.get(null);
        Map<String, Set<String>> routes = new TreeMap<>();
        for (String route : found.keySet()) {
            assertThat(allowed).as("RouteAccessTest.EXPECTED has no entry for " + route).containsKey(route);
            routes.put(route, allowed.get(route).stream().map(Enum::name).collect(Collectors.toSet()));
        }
        return routes;
    }

    /**
     * An offering and its program from the public API, the demo citizen's account id from the API as that citizen sees it, and a
     * certificate code that does not exist.
     */
    private static Map<String, String> demoIds() throws Exception {
        HttpResponse<String> offerings = get("/api/v1/offerings?size=1", null);
        Matcher offering = ID.matcher(offerings.body());
        assertThat(offering.find()).as("an offering in " + offerings.body()).isTrue();
        Matcher program = Pattern.compile("\"programId\"\\s*:\\s*\"([^\"]+)\"").matcher(offerings.body());
        assertThat(program.find()).as("a program in " + offerings.body()).isTrue();

        HttpResponse<String> token = post("/api/v1/auth/token",
                "{\"username\":\"citizen\",\"password\":\"" + PackagedPortal.DEMO_PASSWORD + "\"}", null);
        Matcher bearer = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        assertThat(bearer.find()).as("a token in " + token.statusCode()).isTrue();
        HttpResponse<String> me = get("/api/v1/me", bearer.group(1));
        Matcher citizen = ID.matcher(me.body());
        assertThat(citizen.find()).as("an id in " + me.body()).isTrue();
        // no certificate exists in the demo: the verification page renders its "unknown code" answer
        return Map.of(":offeringId", offering.group(1), ":programId", program.group(1), ":id", citizen.group(1),
                ":code", "UNKNOWNCODE234");
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path))).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
