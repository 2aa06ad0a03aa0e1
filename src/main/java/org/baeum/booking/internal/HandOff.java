package org.baeum.booking.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.baeum.base.scheduling.Foreground;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a request hands to one background thread and does not wait for, where dropping it is safe because the work
 * is owed in the database and a sweep does it later (a booking's mail, decision 0048). The thread takes what has
 * queued up meanwhile as one batch, at most {@code batch} items: alone when the portal is quiet, many at once in a
 * rush, where one batch costs a few database commands instead of a few per item (decision 0059). Or, for tests,
 * done at once in the caller, a batch of one.
 *
 * @param <T> one item of work
 */
final class HandOff<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HandOff.class);
    /** How long {@link #close} waits for what is queued. */
    private static final long CLOSE_WAIT_MS = 5_000;

    private final BlockingQueue<Handed<T>> queue;
    private final Consumer<List<T>> work;
    private final int batch;
    private final Foreground foreground;
    private final Thread worker;
    private volatile boolean stopping;

    /** An item and when it was handed over ({@link System#nanoTime()}). */
    private record Handed<T>(T item, long at) {
    }

    private HandOff(BlockingQueue<Handed<T>> queue, Consumer<List<T>> work, int batch, String name,
                    Foreground foreground) {
        this.queue = queue;
        this.work = work;
        this.batch = batch;
        this.foreground = foreground;
        if (queue == null) {
            this.worker = null;
        } else {
            this.worker = new Thread(this::drain, name);
            worker.setDaemon(true);
            worker.start();
        }
    }

    /**
     * One daemon thread named {@code name}, at most {@code capacity} items waiting, at most {@code batch} per call; while
     * the instance is busy answering requests a batch waits, until its first item was handed over {@code yieldMax} ago
     * at most (decision 0064; {@code foreground} null: never waits).
     */
    static <T> HandOff<T> background(String name, int capacity, int batch, Foreground foreground,
                                     Consumer<List<T>> work) {
        if (batch < 1 || capacity < 1) {
            throw new IllegalArgumentException("capacity and batch must be positive");
        }
        return new HandOff<>(new ArrayBlockingQueue<>(capacity), work, batch, name, foreground);
    }

    /** Does each item in the caller's thread, as a batch of one (for tests that look right after the request). */
    static <T> HandOff<T> inline(Consumer<List<T>> work) {
        return new HandOff<>(null, work, 1, null, null);
    }

    /** Does or queues the item; false when it was dropped (queue full, stopping). A batch's failure is logged. */
    boolean offer(T item) {
        if (queue == null) {
            work.accept(List.of(item));
            return true;
        }
        return !stopping && queue.offer(new Handed<>(item, System.nanoTime()));
    }

    private void drain() {
        List<Handed<T>> items = new ArrayList<>(batch);
        while (!stopping || !queue.isEmpty()) {
            try {
                Handed<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                // in a rush, the requests people wait for first (bounded: the first item's wait)
                if (foreground != null && !stopping && !foreground.awaitQuietSince(first.at())) {
                    Thread.currentThread().interrupt();
                    return;
                }
                items.add(first);
                queue.drainTo(items, batch - 1);
                work.accept(items.stream().map(Handed::item).toList());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Background batch of {} failed; its work stays owed for the sweep", items.size(), e);
            } finally {
                items.clear();
            }
        }
    }

    /** Stops taking items and waits up to 5 s for the queued ones; what is left stays owed. */
    @Override
    public void close() {
        if (worker == null) {
            return;
        }
        stopping = true;
        try {
            worker.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            log.warn("{} background items left for the sweep at shutdown", queue.size());
            worker.interrupt();
        }
    }
}
