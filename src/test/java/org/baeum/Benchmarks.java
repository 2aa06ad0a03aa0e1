package org.baeum;

import java.util.Locale;
import org.baeum.catalog.internal.CatalogQueryBenchmark;
import org.baeum.enrollment.internal.RushBenchmark;
import org.baeum.notification.internal.NotificationDeliveryBenchmark;

/**
 * What {@code ./mvnw -Pbenchmark test} runs: the benchmark named by {@code benchmark.run}, {@code catalog} (the
 * default, {@link CatalogQueryBenchmark}), {@code mail} ({@link NotificationDeliveryBenchmark}) or {@code rush}
 * ({@link RushBenchmark}). See docs/performance.md.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String run = System.getProperty("benchmark.run", "catalog").strip().toLowerCase(Locale.ROOT);
        switch (run) {
            case "catalog" -> CatalogQueryBenchmark.main(args);
            case "mail" -> NotificationDeliveryBenchmark.main(args);
            case "rush" -> RushBenchmark.main(args);
            default -> throw new IllegalArgumentException("benchmark.run must be 'catalog', 'mail' or 'rush', not '" + run + "'");
        }
    }
}
