package org.baeum.base.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A small piece of reference data (rules, categories) read at most once per {@code ttl} on this node instead of on
 * every request. A change made on this node is seen at once ({@link #forget()} after the write); one made on another
 * node within {@code ttl}. Use it only for data whose few seconds of staleness nobody can exploit: anything that must
 * be exact is checked by a guarded write anyway.
 */
public final class ShortLived<T> {

    private record Value<T>(T value, long readAt) {
    }

    private final Supplier<T> read;
    private final long ttlNanos;
    private volatile Value<T> current;
    private final AtomicLong generation = new AtomicLong();

    /** Every instance, so that {@link #forgetAll()} reaches them (weakly held). */
    private static final Set<ShortLived<?>> ALL = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public ShortLived(Duration ttl, Supplier<T> read) {
        this.read = read;
        this.ttlNanos = ttl.toNanos();
        ALL.add(this);
    }

    /**
     * Every instance reads again on its next use: for when the database was changed behind the portal's back
     * (a restored backup, tests that empty the collections).
     */
    public static void forgetAll() {
        synchronized (ALL) {
            ALL.forEach(ShortLived::forget);
        }
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
    public void forget() {
        synchronized (this) {
            generation.incrementAndGet();
            current = null;
        }
    }
}
