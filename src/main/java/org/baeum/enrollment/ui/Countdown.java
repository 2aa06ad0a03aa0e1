package org.baeum.enrollment.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;

/**
 * The time until enrolment opens, ticking once a second in the browser ({@code 2일 03:12:05}, {@code 2 d 03:12:05}) with
 * no server round trip; at zero the browser tells the server once, which shows the action that applies then. The
 * server measures the time left with its own clock, so a wrong clock on the visitor's computer does not matter.
 * <p>
 * The element is a {@code role="timer"} region, which screen readers do not read out at every change (its live
 * setting is off); the sentence with the opening date and time next to it says the same thing once.
 */
class Countdown extends Span {

    /** What the script does; {@code $0} is the time left in ms, {@code $1} the pattern for days ({@code #일}). */
    private static final String SCRIPT = """
            const el = this;
            if (el.__baeumTimer) { clearInterval(el.__baeumTimer); }
            const end = Date.now() + $0;
            const pad = n => String(n).padStart(2, '0');
            const tick = () => {
              if (!el.isConnected) { clearInterval(el.__baeumTimer); el.__baeumTimer = null; return; }
              const left = Math.max(0, end - Date.now());
              const s = Math.ceil(left / 1000);
              const d = Math.floor(s / 86400);
              el.textContent = (d > 0 ? $1.replace('#', d) + ' ' : '') + pad(Math.floor(s % 86400 / 3600)) + ':'
                + pad(Math.floor(s % 3600 / 60)) + ':' + pad(s % 60);
              if (left <= 0) { clearInterval(el.__baeumTimer); el.__baeumTimer = null; el.$server.opened(); }
            };
            el.__baeumTimer = setInterval(tick, 1000);
            tick();
            """;

    /** The browser asks again this long after zero, so that the server's clock has surely passed the opening time. */
    private static final Duration MARGIN = Duration.ofMillis(300);

    private final transient Runnable onZero;

    Countdown(Duration left, String dayPattern, Runnable onZero) {
        this.onZero = onZero;
        addClassName("baeum-countdown");
        getElement().setAttribute("role", "timer");
        getElement().setAttribute("aria-live", "off");
        Duration wait = left.isNegative() ? Duration.ZERO : left;
        setText(format(wait, dayPattern));
        long millis = wait.plus(MARGIN).toMillis();
        addAttachListener(e -> getElement().executeJs(SCRIPT, millis, dayPattern));
    }

    /** The same text as the browser shows, for the first paint and for tests. */
    static String format(Duration left, String dayPattern) {
        long s = (left.toMillis() + 999) / 1000;
        long d = s / 86_400;
        String hms = String.format("%02d:%02d:%02d", s % 86_400 / 3600, s % 3600 / 60, s % 60);
        return d > 0 ? dayPattern.replace("#", Long.toString(d)) + " " + hms : hms;
    }

    /** Called by the browser when the time has run out. */
    @ClientCallable
    void opened() {
        onZero.run();
    }
}
