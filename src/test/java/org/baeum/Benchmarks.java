package org.baeum;

import java.util.Locale;
import org.baeum.attendance.internal.AttendanceSaveBenchmark;
import org.baeum.catalog.internal.CatalogQueryBenchmark;
import org.baeum.enrollment.internal.RushBenchmark;
import org.baeum.notification.internal.NotificationDeliveryBenchmark;
import org.baeum.recruitment.internal.DrawBenchmark;
import org.baeum.recruitment.internal.PlacementBenchmark;

/**
 * What {@code ./mvnw -Pbenchmark test} runs: the benchmark named by {@code benchmark.run}, {@code catalog} (the
 * default, {@link CatalogQueryBenchmark}), {@code mail} ({@link NotificationDeliveryBenchmark}), {@code rush}
 * ({@link RushBenchmark}), {@code draw} ({@link DrawBenchmark}), {@code placement} ({@link PlacementBenchmark}) or
 * {@code attendance} ({@link AttendanceSaveBenchmark}) or {@code reports} ({@link org.baeum.reporting.ReportsBenchmark}) or {@code bookings}
 * ({@link org.baeum.booking.BookingBenchmark}) or {@code reminders}
 * ({@link org.baeum.enrollment.internal.ClassReminderBenchmark}) or {@code sessions}
 * ({@link org.baeum.base.ui.SessionMemoryBenchmark}) or {@code uirush} ({@link org.baeum.base.ui.UiRushBenchmark}) or
 * {@code faults} ({@link org.baeum.scale.FaultDrills}) or {@code soak} ({@link org.baeum.scale.SoakBenchmark}). See
 * docs/performance.md.
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
            case "draw" -> DrawBenchmark.main(args);
            case "placement" -> PlacementBenchmark.main(args);
            case "attendance" -> AttendanceSaveBenchmark.main(args);
            case "reports" -> org.baeum.reporting.ReportsBenchmark.main(args);
            case "bookings" -> org.baeum.booking.BookingBenchmark.main(args);
            case "reminders" -> org.baeum.enrollment.internal.ClassReminderBenchmark.main(args);
            case "sessions" -> org.baeum.base.ui.SessionMemoryBenchmark.main(args);
            case "uirush" -> org.baeum.base.ui.UiRushBenchmark.main(args);
            case "faults" -> org.baeum.scale.FaultDrills.main(args);
            case "soak" -> org.baeum.scale.SoakBenchmark.main(args);
            default -> throw new IllegalArgumentException("benchmark.run must be 'catalog', 'mail', 'rush', 'draw',"
                    + " 'placement', 'attendance', 'reports', 'bookings', 'reminders', 'sessions', 'uirush', 'faults'"
                    + " or 'soak', not '" + run + "'");
        }
    }
}
