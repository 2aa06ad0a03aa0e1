package org.baeum.base.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.baeum.base.i18n.Locales;
import org.baeum.base.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * At most {@code limit} API writes (POST, PUT, PATCH, DELETE) under the limited paths ({@code baeum.api.limited-writes},
 * by default {@code /api/v1/bookings}) run at once on this instance; the others wait their turn, first come first
 * served (decision 0066). In a rush on the seats the cores then work on a few bookings at a time instead of switching
 * between dozens, and each finishes sooner. A write that waits longer than {@code maxWait} is answered
 * {@code 503 {"error": "busy"}} with {@code Retry-After} and changes nothing. Enrolments are not limited by default:
 * their decisions are batched by how many arrive together, and a limit cost the enrolment rush a fifth of its rate.
 * Reads, the Vaadin UI and downloads are never held (a slow download must not keep a place).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ApiWriteLimit implements Filter {

    private static final Logger log = LoggerFactory.getLogger(ApiWriteLimit.class);

    private final Semaphore permits;
    private final int limit;
    private final java.util.List<String> paths;
    private final Duration maxWait;
    private final Messages messages;
    private final JsonMapper json;

    public ApiWriteLimit(@Value("${baeum.api.concurrent-writes:0}") int limit,
                         @Value("${baeum.api.limited-writes:/api/v1/bookings}") java.util.List<String> paths,
                         @Value("${baeum.api.write-wait:30s}") Duration maxWait, Messages messages, JsonMapper json) {
        this.paths = paths.stream().map(String::strip).filter(p -> p.startsWith("/api/")).toList();
        // 0: by default four per core; below 0: no limit
        this.limit = limit == 0 ? 4 * Runtime.getRuntime().availableProcessors() : limit;
        this.permits = this.limit > 0 ? new Semaphore(this.limit, true) : null;
        this.maxWait = maxWait;
        this.messages = messages;
        this.json = json;
    }

    /** How many API writes may run at once; 0 or less: no limit. */
    public int limit() {
        return permits == null ? 0 : limit;
    }

    /** API writes waiting for their turn now. */
    public int waiting() {
        return permits == null ? 0 : permits.getQueueLength();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (permits == null || !(request instanceof HttpServletRequest http) || !isLimitedWrite(http)) {
            chain.doFilter(request, response);
            return;
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            busy(http, (HttpServletResponse) response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    boolean isLimitedWrite(HttpServletRequest request) {
        String method = request.getMethod();
        if (method == null || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return false;
        }
        String uri = request.getRequestURI();
        if (uri == null) {
            return false;
        }
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        for (String limited : paths) {
            if (path.equals(limited) || path.startsWith(limited + "/")) {
                return true;
            }
        }
        return false;
    }

    private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.warn("API write {} {} refused after waiting {} for one of {} places", request.getMethod(),
                request.getRequestURI(), maxWait, limit);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Locale locale = Locales.supported(request.getLocale());
        response.getWriter().write(json.writeValueAsString(ApiError.body("busy", messages.get("api.busy", locale))));
    }
}
