package org.baeum;

import java.util.List;
import org.baeum.base.demo.DemoDataContributor;

/** Puts the whole first-start demo data (accounts, branches, catalog, facilities) into the test database. */
public final class DemoCatalogFixture {

    private DemoCatalogFixture() {
    }

    public static void load(List<DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
    }
}
