package org.baeum.base.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The count of requests in flight, and background work waiting for it within its bound (decision 0064). */
class ForegroundTest {

    private final CountDownLatch answer = new CountDownLatch(1);

    @AfterEach
    void stop() {
        answer.countDown();
    }

    /** {@code n} requests that stay in the filter until {@link #answer} opens. */
    private List<Future<?>> requestsInFlight(Foreground foreground, int n) {
        int before = foreground.inFlight();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            running.add(HeldRequests.hold(foreground, answer));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> foreground.inFlight() == before + n);
        return running;
    }

    @Test
    void a_request_counts_while_it_is_answered_also_when_it_fails() {
        Foreground foreground = new Foreground(4, Duration.ofSeconds(1));
        FilterChain failing = (rq, rs) -> {
            assertThat(foreground.inFlight()).isEqualTo(1);
            throw new ServletException("broken");
        };

        assertThatThrownBy(() -> foreground.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), failing))
                .isInstanceOf(ServletException.class);

        assertThat(foreground.inFlight()).isZero();
    }

    @Test
    void busy_from_the_threshold_on() {
        Foreground foreground = new Foreground(3, Duration.ofSeconds(1));
        requestsInFlight(foreground, 2);
        assertThat(foreground.busy()).isFalse();

        requestsInFlight(foreground, 1);

        assertThat(foreground.inFlight()).isEqualTo(3);
        assertThat(foreground.busy()).isTrue();
    }

    @Test
    void the_default_threshold_is_twice_the_cores_and_at_least_four() {
        assertThat(new Foreground(0, Duration.ofSeconds(1)).busyAt())
                .isEqualTo(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void background_work_waits_while_busy_and_goes_on_when_the_requests_are_answered() throws Exception {
        Foreground foreground = new Foreground(2, Duration.ofSeconds(30));
        List<Future<?>> running = requestsInFlight(foreground, 2);
        Foreground.Yield yield = foreground.startYielding();
        Future<Boolean> waiting = Executors.newSingleThreadExecutor().submit(yield::awaitQuiet);

        // still waiting while both requests are in flight
        assertThat(waiting.isDone()).isFalse();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());

        answer.countDown();
        for (Future<?> r : running) {
            r.get(5, TimeUnit.SECONDS);
        }

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(yield.waitedMillis()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void a_run_waits_no_longer_than_its_bound_and_not_at_all_after_it() {
        Foreground foreground = new Foreground(1, Duration.ofMillis(300));
        requestsInFlight(foreground, 1);
        Foreground.Yield yield = foreground.startYielding();

        long started = System.nanoTime();
        assertThat(yield.awaitQuiet()).isTrue();
        long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(firstMillis).isBetween(250L, 5_000L);
        long again = System.nanoTime();
        assertThat(yield.awaitQuiet()).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - again)).isLessThan(100);
        assertThat(foreground.busy()).isTrue();
    }

    @Test
    void a_quiet_instance_never_waits() {
        Foreground foreground = new Foreground(4, Duration.ofSeconds(30));
        requestsInFlight(foreground, 3);
        Foreground.Yield yield = foreground.startYielding();

        assertThat(yield.awaitQuiet()).isTrue();

        assertThat(yield.waitedMillis()).isLessThan(50);
    }

    @Test
    void without_a_bound_nothing_waits() {
        Foreground foreground = new Foreground(1, Duration.ZERO);
        requestsInFlight(foreground, 1);

        Foreground.Yield yield = foreground.startYielding();

        assertThat(yield.awaitQuiet()).isTrue();
        assertThat(yield.waitedMillis()).isLessThan(50);
    }
}
