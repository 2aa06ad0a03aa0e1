package org.baeum.base.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit (decision 0017 for seat decisions, decision 0062 for the bookings of one slot): requests for the same
 * key that arrive while a decision for it is being stored wait together, and the next of them to run decides for all of
 * them at once, in arrival order. With nobody else waiting a request is decided alone, at once, so nothing waits that
 * did not have to.
 *
 * <p>Per key (an offering id, a slot) at most one batch runs at a time on this node. The thread that runs a batch is always
 * one whose own request is in it, so no request waits for more than the batch before its own and its own. Other
 * nodes decide their own batches; the guarded updates on the key's document keep them honest with each other.
 *
 * @param <T> a waiting request; {@link #decide} runs {@code process} with batches of them, which must answer each
 *            (see {@link Waiting})
 */
public final class DecisionBatches<T extends DecisionBatches.Waiting> {

    /** A request in a batch: {@code process} marks it answered, or the batch's failure answers it. */
    public abstract static class Waiting {
        boolean done;
        RuntimeException failure;
        long arrival;

        /** The failure that ended the batch before this request had its answer, if any. */
        public RuntimeException failure() {
            return failure;
        }

        /**
         * The request's place in line: numbered as it joins its key's queue, so per key the numbers rise in arrival
         * order (shared by all keys, so not consecutive). Lets tests check that batches keep that order.
         */
        public long arrival() {
            return arrival;
        }
    }

    private static final class Lane<T> {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        final ArrayDeque<T> queue = new ArrayDeque<>();
        boolean busy;
        int users;
    }

    private final ConcurrentHashMap<String, Lane<T>> lanes = new ConcurrentHashMap<>();
    private final AtomicLong arrivals = new AtomicLong();
    private final int maxBatch;

    public DecisionBatches(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
    }

    /**
     * Returns once {@code request} has been decided, by this thread (in a batch with whoever was waiting) or by
     * another one. {@code process} gets at most {@code maxBatch} requests in arrival order; if it throws, every
     * request of that batch gets the exception as its {@link Waiting#failure()}.
     */
    public void decide(String key, T request, Consumer<List<T>> process) {
        Lane<T> lane = lanes.compute(key, (k, l) -> {
            Lane<T> in = l == null ? new Lane<>() : l;
            in.users++;
            return in;
        });
        try {
            lane.lock.lock();
            try {
                request.arrival = arrivals.incrementAndGet();
                lane.queue.add(request);
                while (true) {
                    while (!request.done && lane.busy) {
                        lane.changed.awaitUninterruptibly();
                    }
                    if (request.done) {
                        return;
                    }
                    // not answered and nobody deciding: this request is still queued; decide for the queue's head
                    lane.busy = true;
                    List<T> batch = new ArrayList<>(Math.min(maxBatch, lane.queue.size()));
                    while (batch.size() < maxBatch && !lane.queue.isEmpty()) {
                        batch.add(lane.queue.poll());
                    }
                    lane.lock.unlock();
                    RuntimeException failed = null;
                    try {
                        process.accept(batch);
                    } catch (RuntimeException e) {
                        failed = e;
                    } catch (Error e) {
                        failed = new IllegalStateException("The seat decision failed", e);
                        throw e;
                    } finally {
                        lane.lock.lock();
                        for (T t : batch) {
                            t.done = true;
                            t.failure = failed;
                        }
                        lane.busy = false;
                        lane.changed.signalAll();
                    }
                }
            } finally {
                lane.lock.unlock();
            }
        } finally {
            lanes.computeIfPresent(key, (k, l) -> --l.users == 0 ? null : l);
        }
    }

    /** How many requests for {@code key} wait for a batch to take them (for tests). */
    public int waiting(String key) {
        Lane<T> lane = lanes.get(key);
        if (lane == null) {
            return 0;
        }
        lane.lock.lock();
        try {
            return lane.queue.size();
        } finally {
            lane.lock.unlock();
        }
    }

    /** Keys with requests waiting or being decided now (for tests). */
    public int activeKeys() {
        return lanes.size();
    }
}
