package org.baeum.base.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@link ShortLived} by key: values read at most once per {@code ttl} on this node (a resource and its rules, the
 * closures of a day) instead of on every request (decision 0048). A write on this node {@link #forget forgets} what it
 * changed, so this node sees it at once; another node within {@code ttl}. A read that overlapped a forget is answered
 * but not kept. Past {@code maxEntries} values the map starts empty again (they are cheap to read once more). The same
 * rule as {@link ShortLived}: only for data whose few seconds of staleness nobody can exploit, anything exact being
 * checked by a guarded write anyway.
 */
public final class ShortLivedMap<K, V> implements ShortLivedRegistry.Forgettable {

    private record Value<V>(V value, long readAt) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<K, Value<V>> values = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public ShortLivedMap(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    ShortLivedMap(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        if (maxEntries < 1 || ttl.isNegative()) {
            throw new IllegalArgumentException("a positive size and a ttl of zero or more: " + maxEntries + ", " + ttl);
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        ShortLivedRegistry.add(this);
    }

    /** The key's value read less than {@code ttl} ago, or {@code read}'s (never null), kept for the next calls. */
    public V get(K key, Function<? super K, ? extends V> read) {
        Optional<V> kept = fresh(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        long before = generation.get();
        V value = Objects.requireNonNull(read.apply(key), "a short-lived value must not be null");
        keep(key, value, before);
        return value;
    }

    /** The key's value if one was kept less than {@code ttl} ago. */
    public Optional<V> fresh(K key) {
        Value<V> v = values.get(key);
        return v != null && nanoTime.getAsLong() - v.readAt() < ttlNanos ? Optional.of(v.value()) : Optional.empty();
    }

    /** Keeps a value learnt on the way (a slot seen full by a failed claim) as if it had just been read. */
    public void remember(K key, V value) {
        keep(key, Objects.requireNonNull(value), generation.get());
    }

    private void keep(K key, V value, long generationBefore) {
        if (ttlNanos == 0) {
            return;
        }
        if (values.size() >= maxEntries) {
            values.clear();
        }
        Value<V> kept = new Value<>(value, nanoTime.getAsLong());
        values.put(key, kept);
        if (generation.get() != generationBefore) {
            values.remove(key, kept); // a forget overlapped the read: what was read may predate the write
        }
    }

    /** The key is read again on its next use (call after a write of it on this node). */
    public void forget(K key) {
        generation.incrementAndGet();
        values.remove(key);
    }

    /** Every key is read again on its next use. */
    @Override
    public void forget() {
        generation.incrementAndGet();
        values.clear();
    }

    int size() {
        return values.size();
    }
}
