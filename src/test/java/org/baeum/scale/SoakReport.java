package org.baeum.scale;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** The soak's summary: requests per kind, the samples, the fitted slopes against the rules, the invariants. */
final class SoakReport {

    private SoakReport() {
    }

    /** Prints the summary; whether everything passed (no error, no broken invariant, heap and sessions flat). */
    static boolean print(SoakStats stats, List<SoakBenchmark.Sample> samples, double warmupMinutes, long heapLimitA,
                         long heapLimitB, SoakChecks checks, List<String> problems, double seconds) {
        System.out.printf(Locale.ROOT, "%n## Requests%n%n| kind | requests | per s | ok | expected refusals | errors |"
                + " p50 ms | p99 ms |%n|---|--:|--:|--:|---|--:|--:|--:|%n");
        long total = 0;
        for (Map.Entry<String, SoakStats.Kind> e : stats.all().entrySet()) {
            SoakStats.Kind k = e.getValue();
            total += k.total();
            String refused = k.refused.isEmpty() ? "0" : k.refused.entrySet().stream()
                    .map(r -> r.getValue().sum() + " × " + r.getKey()).collect(Collectors.joining("; "));
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %d | %s | %d | %.1f | %.1f |%n", e.getKey(), k.total(),
                    k.total() / seconds, k.ok.sum(), refused, k.errors.sum(), k.percentile(50), k.percentile(99));
        }
        System.out.printf(Locale.ROOT, "| **all** | %d | %.1f | | | %d | | |%n", total, total / seconds, stats.errors());
        stats.all().forEach((kind, k) -> k.samples.forEach(s -> System.out.printf(Locale.ROOT, "- error %s: %s%n",
                kind, s)));

        System.out.printf(Locale.ROOT, "%n## Samples (every 30 s: heap after a full GC, open HTTP sessions)%n%n| minute |"
                + " heap A MB | heap B MB | sessions A | sessions B | requests/s |%n|--:|--:|--:|--:|--:|--:|%n");
        for (SoakBenchmark.Sample s : samples) {
            System.out.printf(Locale.ROOT, "| %.1f | %.1f | %.1f | %d | %d | %.1f |%n", s.minute(), s.heapA() / 1e6,
                    s.heapB() / 1e6, s.sessionsA(), s.sessionsB(), s.requests() / s.seconds());
        }
        List<SoakBenchmark.Sample> after = samples.stream().filter(s -> s.minute() >= warmupMinutes).toList();
        boolean flat = true;
        System.out.printf(Locale.ROOT, "%n## After the warm-up (%.1f min): %d samples%n%n", warmupMinutes, after.size());
        boolean judged = after.size() >= 3;
        if (!judged) {
            System.out.println("- too few samples to fit a line: not judged (a run shorter than the warm-up + 1.5 min)");
        } else {
            double span = after.getLast().minute() - after.getFirst().minute();
            flat &= heap("A (portal + database + load client)", after, SoakBenchmark.Sample::heapA, heapLimitA);
            flat &= heap("B (portal alone)", after, SoakBenchmark.Sample::heapB, heapLimitB);
            flat &= sessions("A", after, SoakBenchmark.Sample::sessionsA, span);
            flat &= sessions("B", after, SoakBenchmark.Sample::sessionsB, span);
        }

        System.out.printf(Locale.ROOT, "%n## Invariants%n%n");
        checks.figures.forEach((what, figure) -> System.out.printf(Locale.ROOT, "- %s: %s%n", what, figure));
        if (problems.isEmpty()) {
            System.out.println("- every invariant holds: seats taken = holders = ENROLLED+OFFERED, waitlist positions"
                    + " 1..n, no free seat while someone waits, every slot ≤ its units and = its ledger, every mail row"
                    + " DONE, one row per event key, each Message-ID received once");
        }
        problems.forEach(p -> System.out.printf(Locale.ROOT, "- **broken:** %s%n", p));
        boolean passed = stats.errors() == 0 && problems.isEmpty() && flat;
        System.out.printf(Locale.ROOT, "%n**Soak %s**: %d errors, %d broken invariants, heap and sessions %s%n",
                passed ? "PASSED" : "FAILED", stats.errors(), problems.size(),
                !judged ? "not judged" : flat ? "flat" : "NOT flat");
        return passed;
    }

    /** Flat: slope × 60 min ≤ 5% of the heap limit. */
    private static boolean heap(String which, List<SoakBenchmark.Sample> after, ToLongFunction<SoakBenchmark.Sample> f,
                                long limit) {
        double[] fit = fit(after, f);
        double perHour = fit[0] * 60;
        boolean flat = perHour <= 0.05 * limit;
        System.out.printf(Locale.ROOT, "- heap %s: mean %.1f MB, min %.1f, max %.1f; slope %+.2f MB/min = %+.1f MB/h"
                        + " against 5%% of the %d MB limit (%.1f MB/h): %s%n", which, fit[2] / 1e6, fit[3] / 1e6,
                fit[4] / 1e6, fit[0] / 1e6, perHour / 1e6, limit >> 20, 0.05 * limit / 1e6, flat ? "flat" : "**NOT flat**");
        return flat;
    }

    /** Flat: slope × the post-warm-up span ≤ max(10, 20% of the mean). */
    private static boolean sessions(String which, List<SoakBenchmark.Sample> after,
                                    ToLongFunction<SoakBenchmark.Sample> f, double span) {
        double[] fit = fit(after, f);
        double drift = fit[0] * span;
        double bound = Math.max(10, 0.2 * fit[2]);
        boolean flat = f.applyAsLong(after.getFirst()) >= 0 && drift <= bound;
        System.out.printf(Locale.ROOT, "- sessions %s: mean %.0f, min %.0f, max %.0f; slope %+.2f/min, drift over %.1f"
                        + " min %+.1f against %.1f: %s%n", which, fit[2], fit[3], fit[4], fit[0], span, drift, bound,
                flat ? "flat" : "**NOT flat**");
        return flat;
    }

    /** Least squares of value against minute: {slope per minute, intercept, mean, min, max}. */
    static double[] fit(List<SoakBenchmark.Sample> samples, ToLongFunction<SoakBenchmark.Sample> f) {
        int n = samples.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (SoakBenchmark.Sample s : samples) {
            double x = s.minute();
            double y = f.applyAsLong(s);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {slope, (sy - slope * sx) / n, sy / n, min, max};
    }
}
