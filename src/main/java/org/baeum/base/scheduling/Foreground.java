package org.baeum.base.scheduling;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How busy this instance is with people waiting for an answer, for background work that may wait a little (decision
 * 0064). A servlet filter, first of all, counts the HTTP requests being answered; at {@code busyAt} or more the
 * foreground is busy, and work such as mail delivery pauses while it is, for at most {@code yieldMax} per run, then
 * goes on whatever the load. At 10:00, when thousands ask for the same seats, the seats are decided first and their
 * confirmations follow seconds later instead of competing with the decisions for the same cores.
 *
 * <p>Only this instance's requests count: each instance yields to its own load. An asynchronous request counts until
 * its handler returns the thread. Nothing is ever skipped, only started later, and never later than the bound.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Foreground implements Filter {

    /** How often a waiting worker looks again. */
    static final Duration POLL = Duration.ofMillis(20);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int busyAt;
    private final Duration yieldMax;

    public Foreground(@Value("${baeum.background.busy-requests:0}") int busyAt,
                      @Value("${baeum.background.yield-max:15s}") Duration yieldMax) {
        // by default twice the cores: more requests than that in flight already queue for the CPU
        this.busyAt = busyAt > 0 ? busyAt : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        this.yieldMax = yieldMax == null || yieldMax.isNegative() ? Duration.ZERO : yieldMax;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The requests being answered now. */
    public int inFlight() {
        return inFlight.get();
    }

    public boolean busy() {
        return inFlight.get() >= busyAt;
    }

    public int busyAt() {
        return busyAt;
    }

    /** A bound for one run of background work that started now: it yields until then at most. */
    public Yield startYielding() {
        return new Yield(System.nanoTime() + yieldMax.toNanos());
    }

    /**
     * Waits while the foreground is busy, until {@code yieldMax} after {@code sinceNanos} ({@link System#nanoTime()}
     * when the work was handed over) at most: false when the thread was interrupted meanwhile.
     */
    public boolean awaitQuietSince(long sinceNanos) {
        return awaitQuietUntil(sinceNanos + yieldMax.toNanos());
    }

    private boolean awaitQuietUntil(long deadline) {
        while (busy()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(Math.min(left, POLL.toNanos()));
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }

    /** One run's allowance for waiting; shared by the run's threads. */
    public final class Yield {

        private final long deadline;
        private final java.util.concurrent.atomic.AtomicLong waited = new java.util.concurrent.atomic.AtomicLong();

        private Yield(long deadline) {
            this.deadline = deadline;
        }

        /**
         * Waits while the foreground is busy, until the run's bound at most (then returns at once, every time after):
         * false when the thread was interrupted meanwhile.
         */
        public boolean awaitQuiet() {
            long started = System.nanoTime();
            try {
                return awaitQuietUntil(deadline);
            } finally {
                waited.addAndGet(System.nanoTime() - started);
            }
        }

        /** How long the run's threads waited together, in milliseconds. */
        public long waitedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(waited.get());
        }
    }
}
