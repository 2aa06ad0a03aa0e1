package org.baeum.catalog;

/** How the catalog list is ordered; translated as {@code sort.<NAME>}. */
public enum CatalogSort {
    STARTING_SOON, RECRUITMENT_SOON, TITLE, FEE_LOW, SEATS_LEFT
}
