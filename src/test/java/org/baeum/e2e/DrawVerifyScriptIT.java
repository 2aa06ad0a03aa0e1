package org.baeum.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.recruitment.draw.Draw;
import org.baeum.recruitment.draw.DrawJson;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.draw.DrawRecord.Application;
import org.baeum.recruitment.draw.DrawRecord.Result;
import org.baeum.recruitment.draw.DrawVectors;
import org.baeum.recruitment.draw.Verification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code frontend/draw-verify.js}, unchanged, in a real Chromium on the test vectors of decision 0027: the vectors'
 * record (written by {@link DrawJson}) verifies, and altered copies give the same first mismatch (field, expected,
 * found) as {@link Draw#verify}. The module is served by a tiny server on 127.0.0.1 and loaded with a dynamic
 * {@code import()}: 127.0.0.1 is a secure context, so {@code crypto.subtle} exists as on the portal's https pages,
 * and the file runs as the ES module the bundle loads, without the portal's CSP (which forbids any script not from
 * the bundle) or a packaged jar. The draw page's use of the module is tested browserless (DrawRecordViewBrowserlessTest).
 */
@ExtendWith(Shared.class)
class DrawVerifyScriptIT {

    static Browser browser;
    static HttpServer server;
    Page page;

    @BeforeAll
    static void start(Browser sharedBrowser) throws IOException {
        browser = sharedBrowser;
        byte[] script = Files.readAllBytes(Path.of("frontend", "draw-verify.js"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/draw-verify.js")) {
                answer(exchange, "text/javascript", script);
            } else {
                answer(exchange, "text/html", "<!DOCTYPE html><html lang=\"ko\"><title>검증</title><h1>검증</h1>"
                        .getBytes(StandardCharsets.UTF_8));
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
        page = browser.chromium.newContext().newPage();
        page.navigate("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        assertThat(page.evaluate("window.isSecureContext && typeof crypto.subtle.sign === 'function'")).isEqualTo(true);
    }

    @AfterEach
    void close() {
        page.context().close();
    }

    @Test
    void the_vectors_record_verifies_in_the_browser() {
        DrawRecord record = DrawVectors.record();
        assertThat(Draw.verify(record).ok()).isTrue();
        assertThat(verifyInBrowser(record)).containsExactly(Map.entry("ok", true));
    }

    @Test
    void a_changed_weight_gives_the_same_first_mismatch_as_the_java_verifier() {
        // 000002 drew first with its second ticket; with one ticket it is last: the order differs at once
        DrawRecord oneTicket = withWeight(DrawVectors.record(), 1, 1);
        assertThat(Draw.verify(oneTicket).field()).isEqualTo("order[0]");
        assertSame(oneTicket);
        // a second ticket for 000001 (drawn last already): an edit the record cannot show (decision 0027) unless the
        // new ticket moves it; whichever it is, both verifiers give the same verdict
        assertAgrees(withWeight(DrawVectors.record(), 0, 2));
        // a weight the rule does not define is refused as an input, before any key is computed
        DrawRecord three = withWeight(DrawVectors.record(), 3, 3);
        assertThat(Draw.verify(three).field()).isEqualTo("applications[3].weight");
        assertSame(three);
    }

    @Test
    void a_changed_seed_commitment_or_result_is_reported_where_the_java_verifier_reports_it() {
        DrawRecord r = DrawVectors.record();
        assertSame(new DrawRecord(r.rule(), r.ruleText(), r.round(), r.commitment(), r.committedAt(),
                "0" + r.seed().substring(1), r.drawnAt(), r.offerings(), r.applications(), r.order(), r.results()));
        assertSame(new DrawRecord(r.rule(), r.ruleText() + " ", r.round(), r.commitment(), r.committedAt(), r.seed(),
                r.drawnAt(), r.offerings(), r.applications(), r.order(), r.results()));
        List<Result> results = new ArrayList<>(r.results());
        results.set(2, new Result(results.get(2).number(), "POOL-B", DrawRecord.Share.GENERAL)); // 000003 lost
        DrawRecord won = new DrawRecord(r.rule(), r.ruleText(), r.round(), r.commitment(), r.committedAt(), r.seed(),
                r.drawnAt(), r.offerings(), r.applications(), r.order(), results);
        assertThat(Draw.verify(won).field()).isEqualTo("results[2] (2027Q1-SWIM-000003)");
        assertSame(won);
    }

    /** The browser's verdict equals the Java verifier's: ok, field, expected and found. */
    private void assertSame(DrawRecord record) {
        Verification java = Draw.verify(record);
        assertThat(java.ok()).as("the altered copy is a mismatch for Draw.verify").isFalse();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ok", false);
        expected.put("field", java.field());
        expected.put("expected", java.expected());
        expected.put("found", java.found());
        assertThat(verifyInBrowser(record)).as(java.message()).isEqualTo(expected);
    }

    private void assertAgrees(DrawRecord record) {
        if (Draw.verify(record).ok()) {
            assertThat(verifyInBrowser(record)).containsExactly(Map.entry("ok", true));
        } else {
            assertSame(record);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verifyInBrowser(DrawRecord record) {
        return (Map<String, Object>) page.evaluate("""
                async json => {
                  const { verifyDraw } = await import('./draw-verify.js');
                  return verifyDraw(JSON.parse(json));
                }""", DrawJson.write(record));
    }

    private static DrawRecord withWeight(DrawRecord r, int index, int weight) {
        List<Application> applications = new ArrayList<>(r.applications());
        Application a = applications.get(index);
        applications.set(index, new Application(a.number(), weight, a.choices(), a.seats(), a.reserved()));
        return new DrawRecord(r.rule(), r.ruleText(), r.round(), r.commitment(), r.committedAt(), r.seed(), r.drawnAt(),
                r.offerings(), applications, r.order(), r.results());
    }

    private static void answer(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
