package org.baeum;

import java.util.List;
import org.baeum.base.demo.DemoDataContributor;

/**
 * Puts the first-start demo data into the test database: {@link #load} the demo catalog and what it stands on
 * (accounts, branches, catalog, facilities, rounds), {@link #loadAll} everything, including the demo instructor's
 * classes with their enrolments, marks and certificates (issue 16).
 */
public final class DemoCatalogFixture {

    /** Contributors from this order on (the attendance demo) come only with {@link #loadAll}. */
    public static final int CLASSES_ORDER = 60;

    private DemoCatalogFixture() {
    }

    /**
     * The demo catalog without the demo instructor's classes: tests of the catalog, enrolment and recruitment use the
     * demo catalog as their setting and keep their own enrolments and marks.
     */
    public static void load(List<DemoDataContributor> contributors) {
        run(contributors.stream().filter(c -> c.order() < CLASSES_ORDER).toList());
    }

    /** The whole first-start demo data, as {@code DemoDataRunner} creates it. */
    public static void loadAll(List<DemoDataContributor> contributors) {
        run(contributors);
    }

    private static void run(List<DemoDataContributor> contributors) {
        contributors.stream().sorted(java.util.Comparator.comparingInt(DemoDataContributor::order)) // as DemoDataRunner
                .forEach(c -> c.contribute(new DemoDataContributor.DemoContext("unused-password")));
    }
}
