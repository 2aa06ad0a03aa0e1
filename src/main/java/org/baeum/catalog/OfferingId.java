package org.baeum.catalog;

import java.util.Objects;

/** Typed id. */
public record OfferingId(String value) {
    public OfferingId {
        Objects.requireNonNull(value, "value");
    }
}
