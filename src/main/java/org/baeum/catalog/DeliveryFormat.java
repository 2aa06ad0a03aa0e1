package org.baeum.catalog;

/** Where a program happens; translated as {@code format.<NAME>}. */
public enum DeliveryFormat {
    ON_SITE, ONLINE, HYBRID
}
