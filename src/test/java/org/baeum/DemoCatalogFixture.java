package org.baeum;

import java.util.List;
import org.baeum.base.demo.DemoDataContributor;

/**
 * Puts the first-start demo data into the test database: {@link #load} the demo catalog and what it stands on
 * (accounts, branches, catalog, facilities, rounds), {@link #loadAll} everything, including the demo instructor's
 * classes with their enrolments, marks and certificates (issue 16), and {@link #loadWithHistory} adds last year's
 * classes of the demo history (issue 17).
 */
public final class DemoCatalogFixture {

    /** Contributors from this order on (the attendance demo) come only with {@link #loadAll}. */
    public static final int CLASSES_ORDER = 60;
    /** Contributors from this order on (the demo history: households, last year's classes) come only with
     * {@link #loadWithHistory}. */
    public static final int HISTORY_ORDER = 65;

    private DemoCatalogFixture() {
    }

    /**
     * The demo catalog without the demo instructor's classes: tests of the catalog, enrolment and recruitment use the
     * demo catalog as their setting and keep their own enrolments and marks.
     */
    public static void load(List<DemoDataContributor> contributors) {
        run(contributors.stream().filter(c -> c.order() < CLASSES_ORDER).toList());
    }

    /** The first-start demo data without the past year (which takes a while to make). */
    public static void loadAll(List<DemoDataContributor> contributors) {
        run(contributors.stream().filter(c -> c.order() < HISTORY_ORDER).toList());
    }

    /** The whole first-start demo data, as {@code DemoDataRunner} creates it, the past year included. */
    public static void loadWithHistory(List<DemoDataContributor> contributors) {
        run(contributors);
    }

    private static void run(List<DemoDataContributor> contributors) {
        contributors.stream().sorted(java.util.Comparator.comparingInt(DemoDataContributor::order)) // as DemoDataRunner
                .forEach(c -> c.contribute(new DemoDataContributor.DemoContext("unused-password")));
    }
}
