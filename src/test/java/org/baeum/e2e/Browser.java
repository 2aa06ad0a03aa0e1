package org.baeum.e2e;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright for Java; Playwright never downloads a browser of its own here
 * ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} is set by the build). axe-core comes from the test resources.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("BAEUM_E2E_CHROMIUM", "/usr/bin/chromium");
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private static final String AXE = readAxe();

    final Playwright playwright;
    final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    static Browser launch() {
        boolean required = "1".equals(System.getenv("BAEUM_E2E_REQUIRED")) || "true".equals(System.getenv("CI"));
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            if (required) {
                throw new IllegalStateException("Chromium not found at " + CHROMIUM + ": apt-get install chromium");
            }
            Assumptions.abort("Chromium not found at " + CHROMIUM + " (apt-get install chromium): browser journeys skipped");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM)).setHeadless(true).setArgs(FLAGS));
        return new Browser(playwright, chromium);
    }

    /**
     * Runs axe-core with the WCAG 2.0/2.1 A and AA rules; returns the violations as readable lines. Waits first (up to
     * 3 s) for running finite animations to end, so that a notification fading in is checked in the colours it stays
     * in, not half transparent (axe blends a translucent background with the page behind it).
     */
    static List<String> axeViolations(Page page) throws Exception {
        page.evaluate("""
                async () => {
                  // animations of overlays (a dialog fading in) run inside shadow roots, which
                  // document.getAnimations() does not list: walk them, after two frames so that an
                  // animation that was just asked for has started (axe measured a half-faded dialog once)
                  const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
                  const all = root => {
                    const found = [];
                    for (const el of root.querySelectorAll('*')) {
                      found.push(...el.getAnimations());
                      if (el.shadowRoot) found.push(...all(el.shadowRoot));
                    }
                    return found;
                  };
                  const deadline = Date.now() + 3000;
                  await frame(); await frame();
                  while (Date.now() < deadline) {
                    const running = all(document).filter(a => a.playState === 'running'
                        && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
                    if (running.length === 0) break;
                    await Promise.race([Promise.all(running.map(a => a.finished.catch(() => null))),
                                        new Promise(resolve => setTimeout(resolve, deadline - Date.now()))]);
                    await frame();
                  }
                }""");
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.evaluate(AXE); // once per loaded page
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                  return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                    + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')
                        .replace(/\\s+/g, ' ')).join(' | '));
                }""");
        return violations;
    }

    /**
     * The {@code vaadin-*} elements on the page that no web component defines (the grid's light-DOM cell content and
     * the dialog's light-DOM content containers, {@code vaadin-dialog-content}, are no components). Waits first, up
     * to 5 s, until every such element on the page is defined: a route's components arrive in a chunk loaded after
     * the view is attached, and one that never arrives is what this finds.
     */
    @SuppressWarnings("unchecked")
    static List<String> undefinedVaadinElements(Page page) {
        return (List<String>) page.evaluate("""
                async () => {
                  const names = () => [...new Set([...document.querySelectorAll('*')].map(e => e.localName)
                      .filter(n => n.startsWith('vaadin-') && n !== 'vaadin-grid-cell-content'
                          && n !== 'vaadin-dialog-content'))];
                  await Promise.race([Promise.all(names().map(n => customElements.whenDefined(n))),
                                      new Promise(resolve => setTimeout(resolve, 5000))]);
                  return names().filter(n => !customElements.get(n));
                }""");
    }

    private static String readAxe() {
        try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
