package org.baeum.base.domain;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A small piece of reference data (rules, categories) read at most once per {@code ttl} on this node instead of on
 * every request. A change made on this node is seen at once ({@link #forget()} after the write); one made on another
 * node within {@code ttl}. Use it only for data whose few seconds of staleness nobody can exploit: anything that must
 * be exact is checked by a guarded write anyway.
 */
public final class ShortLived<T> implements ShortLivedRegistry.Forgettable {

    private record Value<T>(T value, long readAt) {
    }

    private final Supplier<T> read;
    private final long ttlNanos;
    private volatile Value<T> current;
    private final AtomicLong generation = new AtomicLong();

    public ShortLived(Duration ttl, Supplier<T> read) {
        this.read = read;
        this.ttlNanos = ttl.toNanos();
        ShortLivedRegistry.add(this);
    }

    /**
     * Every instance (and every {@link ShortLivedMap}) reads again on its next use: for when the database was changed
     * behind the portal's back (a restored backup, tests that empty the collections).
     */
    public static void forgetAll() {
        ShortLivedRegistry.forgetAll();
    }

    /** The value read less than {@code ttl} ago, or a fresh one. */
    public T get() {
        Value<T> v = current;
        long now = System.nanoTime();
        if (v != null && now - v.readAt() < ttlNanos) {
            return v.value();
        }
        long before = generation.get();
        T fresh = read.get();
        synchronized (this) {
            if (generation.get() == before) { // a read that overlapped a forget() is not kept
                current = new Value<>(fresh, now);
            }
        }
        return fresh;
    }

    /** The next {@link #get()} reads again (call after a write on this node). */
    @Override
    public void forget() {
        synchronized (this) {
            generation.incrementAndGet();
            current = null;
        }
    }
}
