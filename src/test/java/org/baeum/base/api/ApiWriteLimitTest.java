package org.baeum.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** API writes take turns, first come first served; reads and the UI never wait (decision 0066). */
class ApiWriteLimitTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final CountDownLatch answer = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private ApiWriteLimit limit(int places, Duration maxWait) {
        return new ApiWriteLimit(places, List.of("/api/v1/bookings", " /api/v1/other "), maxWait,
                (key, locale, params) -> key + "@" + locale.getLanguage(), json);
    }

    /** A chain that stays in until {@link #answer} opens, counting who is in. */
    private FilterChain held(String name) {
        return (rq, rs) -> {
            running.incrementAndGet();
            ran.add(name);
            try {
                answer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        };
    }

    private static MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, uri);
        r.addPreferredLocale(java.util.Locale.ENGLISH);
        return r;
    }

    private static CompletableFuture<MockHttpServletResponse> send(ApiWriteLimit limit, MockHttpServletRequest request,
                                                                   FilterChain chain) {
        return CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                limit.doFilter(request, response, chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        }, task -> Thread.ofPlatform().daemon().start(task));
    }

    @Test
    void no_more_writes_than_the_places_run_at_once_and_the_next_goes_in_when_one_ends() throws Exception {
        ApiWriteLimit limit = limit(2, Duration.ofSeconds(30));
        send(limit, request("POST", "/api/v1/bookings"), held("a"));
        send(limit, request("DELETE", "/api/v1/bookings/x"), held("b"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 2);

        CompletableFuture<MockHttpServletResponse> third = send(limit, request("POST", "/api/v1/other"), held("c"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> limit.waiting() == 1);
        Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> running.get() == 2);
        assertThat(ran).containsExactlyInAnyOrder("a", "b");

        answer.countDown();

        assertThat(third.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(ran).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(limit.waiting()).isZero();
    }

    @Test
    void a_write_that_waits_too_long_is_answered_busy_and_never_runs() throws Exception {
        ApiWriteLimit limit = limit(1, Duration.ofMillis(200));
        send(limit, request("POST", "/api/v1/bookings"), held("first"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 1);

        MockHttpServletResponse refused = send(limit, request("POST", "/api/v1/bookings"), held("second"))
                .get(5, TimeUnit.SECONDS);

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        var body = json.readTree(refused.getContentAsString());
        assertThat(body.get("error").asString()).isEqualTo("busy");
        assertThat(body.get("message").asString()).isEqualTo("api.busy@en");
        assertThat(ran).containsExactly("first");
        answer.countDown();
    }

    @Test
    void reads_other_writes_the_ui_and_downloads_never_wait_for_a_place() throws Exception {
        ApiWriteLimit limit = limit(1, Duration.ofMillis(100));
        send(limit, request("POST", "/api/v1/bookings"), held("write"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 1);
        AtomicInteger passed = new AtomicInteger();
        FilterChain counted = (rq, rs) -> passed.incrementAndGet();

        for (MockHttpServletRequest r : List.of(request("GET", "/api/v1/facilities"),
                request("GET", "/api/v1/reports/by-district/export"), request("HEAD", "/api/v1/me"),
                request("POST", "/"), request("POST", "/VAADIN/x"), request("POST", "/login"),
                request("POST", "/api/v1/offerings/o/enrollments"), request("POST", "/api/v1/bookingsx"))) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            limit.doFilter(r, response, counted);
            assertThat(response.getStatus()).as(r.getMethod() + " " + r.getRequestURI()).isEqualTo(200);
        }

        assertThat(passed.get()).isEqualTo(8);
        answer.countDown();
    }

    @Test
    void without_a_limit_every_write_runs_at_once() throws Exception {
        ApiWriteLimit limit = limit(-1, Duration.ofMillis(100));
        for (int i = 0; i < 5; i++) {
            send(limit, request("POST", "/api/v1/bookings"), held("w" + i));
        }

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 5);
        assertThat(limit.limit()).isZero();
        answer.countDown();
    }
}
