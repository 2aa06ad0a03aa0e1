package org.baeum.catalog;

import java.util.List;

/** One page of a catalog query: the items, how many match in all, and which page this is (from 0). */
public record CatalogPage<T>(List<T> items, long total, int page, int size) {

    public CatalogPage {
        items = List.copyOf(items);
    }
}
