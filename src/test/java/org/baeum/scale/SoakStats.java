package org.baeum.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak's answers, per kind of request: answered as wanted, refused as expected (by reason), errors (with the
 * first samples), and a latency histogram of fixed size (log buckets 5% wide, 0.05 ms to ~20 min), so that the client's
 * own memory does not grow with the run's length (it shares instance A's heap).
 */
final class SoakStats {

    private static final int BUCKETS = 400;
    private static final double BASE = 0.05;
    private static final double GROWTH = Math.log(1.05);

    static final class Kind {
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<String, LongAdder> refused = new ConcurrentSkipListMap<>();
        final List<String> samples = new ArrayList<>();
        final AtomicLongArray histogram = new AtomicLongArray(BUCKETS);

        long total() {
            return ok.sum() + errors.sum() + refusedTotal();
        }

        long refusedTotal() {
            return refused.values().stream().mapToLong(LongAdder::sum).sum();
        }

        /** The latency at percentile {@code p} (upper edge of its bucket), ms. */
        double percentile(double p) {
            long n = 0;
            for (int i = 0; i < BUCKETS; i++) {
                n += histogram.get(i);
            }
            long rank = Math.max(1, (long) Math.ceil(p / 100 * n));
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += histogram.get(i);
                if (seen >= rank) {
                    return BASE * Math.exp(GROWTH * (i + 1));
                }
            }
            return Double.NaN;
        }
    }

    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

    Kind kind(String name) {
        return kinds.computeIfAbsent(name, k -> new Kind());
    }

    void ok(String kind, long nanos) {
        Kind k = kind(kind);
        k.ok.increment();
        time(k, nanos);
    }

    void refused(String kind, String reason, long nanos) {
        Kind k = kind(kind);
        k.refused.computeIfAbsent(reason, r -> new LongAdder()).increment();
        time(k, nanos);
    }

    void error(String kind, String what, long nanos) {
        Kind k = kind(kind);
        k.errors.increment();
        if (nanos >= 0) {
            time(k, nanos);
        }
        synchronized (k.samples) {
            if (k.samples.size() < 10) {
                k.samples.add(what.length() > 300 ? what.substring(0, 300) + "…" : what);
            }
        }
        System.out.printf(Locale.ROOT, "  ! %s: %s%n", kind, what.length() > 300 ? what.substring(0, 300) : what);
    }

    private static void time(Kind k, long nanos) {
        double ms = nanos / 1e6;
        int i = ms <= BASE ? 0 : (int) Math.min(BUCKETS - 1, Math.floor(Math.log(ms / BASE) / GROWTH));
        k.histogram.incrementAndGet(i);
    }

    /** Requests answered so far, per kind (a snapshot, for the throughput of a window). */
    Map<String, Long> totals() {
        Map<String, Long> t = new TreeMap<>();
        kinds.forEach((name, k) -> t.put(name, k.total()));
        return t;
    }

    long errors() {
        return kinds.values().stream().mapToLong(k -> k.errors.sum()).sum();
    }

    Map<String, Kind> all() {
        return new TreeMap<>(kinds);
    }
}
