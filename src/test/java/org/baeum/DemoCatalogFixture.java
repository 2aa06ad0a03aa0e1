package org.baeum;

import java.util.List;
import org.baeum.base.demo.DemoDataContributor;

/** Puts the whole first-start demo data (accounts, branches, catalog, facilities, rounds) into the test database. */
public final class DemoCatalogFixture {

    private DemoCatalogFixture() {
    }

    public static void load(List<DemoDataContributor> contributors) {
        contributors.stream().sorted(java.util.Comparator.comparingInt(DemoDataContributor::order)) // as DemoDataRunner
                .forEach(c -> c.contribute(new DemoDataContributor.DemoContext("unused-password")));
    }
}
