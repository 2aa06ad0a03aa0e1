package org.baeum.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code frontend/session-warning.js} alone in a real browser, on a page that stands in for the portal: a tiny
 * server answers the Vaadin-like requests and {@code $server} records the calls. Playwright's clock moves the
 * page's time, so the 30 idle minutes pass at once. Needs no frontend bundle and no running portal.
 */
@ExtendWith(Shared.class)
class SessionWarningScriptIT {

    static final long MINUTE = 60_000;
    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="ko"><head><meta charset="utf-8"><title>배움</title></head>
            <body><main><h1>배움</h1><button id="elsewhere">다른 버튼</button>
            <baeum-session-warning idle-seconds="1800" warning-seconds="60" heading="곧 로그아웃됩니다"
              message="30분 동안 사용하지 않으면 안전을 위해 자동으로 로그아웃됩니다."
              time-left-label="남은 시간:" stay-label="계속 사용" sign-out-label="로그아웃"></baeum-session-warning>
            </main>
            <script type="module">
              window.calls = [];
              const warning = document.querySelector('baeum-session-warning');
              warning.$server = {
                stay: () => { calls.push('stay'); return fetch('./?v-r=uidl&v-uiId=0', { method: 'POST' }).then(r => r.text()); },
                signOut: () => { calls.push('signOut'); },
              };
              await import('./session-warning.js');
            </script></body></html>
            """;

    static Browser browser;
    static HttpServer server;
    Page page;

    @BeforeAll
    static void start(Browser sharedBrowser) throws IOException {
        browser = sharedBrowser;
        byte[] script = Files.readAllBytes(Path.of("frontend", "session-warning.js"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/session-warning.js")) {
                answer(exchange, "text/javascript", script);
            } else if (path.equals("/login")) {
                answer(exchange, "text/html", "<!DOCTYPE html><title>로그인</title>".getBytes(StandardCharsets.UTF_8));
            } else if (exchange.getRequestURI().getQuery() != null) {
                answer(exchange, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            } else {
                answer(exchange, "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @BeforeEach
    void open() {
        page = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("ko-KR"))
                .newPage();
        page.clock().install();
        page.navigate("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        page.waitForFunction("customElements.get('baeum-session-warning') !== undefined");
    }

    @AfterEach
    void close() {
        page.context().close();
    }

    private Locator dialog() {
        return page.getByRole(AriaRole.ALERTDIALOG, new Page.GetByRoleOptions().setName("곧 로그아웃됩니다"));
    }

    private void idle(long millis) {
        page.clock().runFor(millis);
    }

    @SuppressWarnings("unchecked")
    private List<String> calls() {
        return (List<String>) page.evaluate("window.calls");
    }

    /**
     * Sends a request as Flow would and returns once the page has seen it complete: observers hear of an entry in
     * the order they were made, so when this one has, the element's has too.
     */
    private void request(String query) {
        page.evaluate("""
                async q => {
                  const seen = new Promise(resolve => new PerformanceObserver((list, observer) => {
                    if (list.getEntries().some(e => e.name.endsWith(q))) { observer.disconnect(); resolve(); }
                  }).observe({ type: 'resource' }));
                  await (await fetch('./?' + q, { method: 'POST' })).text(); // as Flow reads its answers
                  await seen;
                }""", query);
    }

    /**
     * Returns once the page has seen a request ending in {@code q} complete (now or already): observers hear of an entry
     * in the order they were made, so when this one has, the element's has too.
     */
    private void answered(String q) {
        page.evaluate("""
                q => new Promise(resolve => new PerformanceObserver((list, observer) => {
                  if (list.getEntries().some(e => e.name.endsWith(q))) { observer.disconnect(); resolve(); }
                }).observe({ type: 'resource', buffered: true }))""", q);
    }

    @Test
    void a_minute_before_the_idle_deadline_an_alert_dialog_counts_down_with_the_focus_on_staying() throws Exception {
        idle(28 * MINUTE);
        assertThat(dialog()).isHidden();

        idle(MINUTE + 1_000);

        assertThat(dialog()).isVisible();
        assertThat(dialog()).hasAccessibleDescription(Pattern.compile("30분 동안 사용하지 않으면.*남은 시간: 5\\d초"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("계속 사용"))).isFocused();
        assertThat(Browser.axeViolations(page)).as("axe with the dialog open").isEmpty();
    }

    @Test
    void escape_stays_signed_in_and_the_server_hears_of_it() {
        idle(29 * MINUTE + 1_000);
        assertThat(dialog()).isVisible();

        page.keyboard().press("Escape");

        assertThat(dialog()).isHidden();
        assertThat(calls()).containsExactly("stay");
        // the element counts the server's answer as activity when it sees it, at the page's time then: let it see the
        // answer before the clock moves on (a build under load moved it first once, and the idle time began 28 min late)
        answered("v-r=uidl&v-uiId=0");
        idle(28 * MINUTE);
        assertThat(dialog()).isHidden();
        idle(MINUTE + 1_000);
        assertThat(dialog()).isVisible(); // 29 minutes after staying: the idle time began anew
    }

    @Test
    void the_keyboard_reaches_sign_out_and_it_signs_out_through_the_server() {
        idle(29 * MINUTE + 1_000);
        // the dialog has opened and taken the focus before the key is pressed (a Tab sent earlier goes to the page)
        assertThat(dialog()).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("계속 사용"))).isFocused();

        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그아웃"))).isFocused();
        page.keyboard().press("Enter");

        assertThat(calls()).containsExactly("signOut");
    }

    @Test
    void a_vaadin_request_restarts_the_idle_time_but_a_heartbeat_does_not() {
        idle(20 * MINUTE);
        request("v-r=uidl&v-uiId=0");
        idle(20 * MINUTE);
        assertThat(dialog()).isHidden(); // 20 minutes after the request

        request("v-r=heartbeat&v-uiId=0");
        idle(9 * MINUTE + 1_000);

        assertThat(dialog()).isVisible(); // 29 minutes after the request, one heartbeat later
    }

    @Test
    void at_the_deadline_the_page_goes_to_the_sign_in_page() {
        idle(30 * MINUTE + 1_000);

        page.waitForURL("**/login?expired");
    }

    private static void answer(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
