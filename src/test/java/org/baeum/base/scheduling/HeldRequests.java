package org.baeum.base.scheduling;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.awaitility.Awaitility;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Requests held inside {@link Foreground}'s filter until a latch opens, to make an instance busy in tests. */
public final class HeldRequests {

    private HeldRequests() {
    }

    /** One request that stays in the filter until {@code answer} opens. */
    public static CompletableFuture<Void> hold(Foreground foreground, CountDownLatch answer) {
        return CompletableFuture.runAsync(() -> {
            try {
                foreground.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (rq, rs) -> {
                    try {
                        answer.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, task -> Thread.ofPlatform().daemon().name("held-request").start(task)); // a thread each: never queued
    }

    /** A foreground busy at one request, with one held until {@code answer} opens. */
    public static Foreground busy(Duration yieldMax, CountDownLatch answer) {
        Foreground foreground = new Foreground(1, yieldMax);
        hold(foreground, answer);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(foreground::busy);
        return foreground;
    }
}
