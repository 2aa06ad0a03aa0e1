package org.baeum.booking.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a request hands to one background thread and does not wait for, where dropping it is safe because the work
 * is owed in the database and a sweep does it later (a booking's mail, decision 0048). Or, for tests, done at once.
 */
final class HandOff implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HandOff.class);

    private final ThreadPoolExecutor executor;

    private HandOff(ThreadPoolExecutor executor) {
        this.executor = executor;
    }

    /** One daemon thread named {@code name}, at most {@code capacity} tasks waiting. */
    static HandOff background(String name, int capacity) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        return new HandOff(executor);
    }

    /** Runs each task in the caller's thread (for tests that look right after the request). */
    static HandOff inline() {
        return new HandOff(null);
    }

    /** Runs or queues the task; false when it was dropped (queue full, stopping). A task's failure is logged. */
    boolean offer(Runnable task) {
        Runnable logged = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Background task failed; its work stays owed for the sweep", e);
            }
        };
        if (executor == null) {
            task.run();
            return true;
        }
        try {
            executor.execute(logged);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    /** Stops taking tasks and waits up to 5 s for the queued ones; what is left stays owed. */
    @Override
    public void close() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("{} background tasks left for the sweep at shutdown", executor.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
