package org.baeum.catalog;

import java.util.Objects;

/** Typed id. */
public record TermId(String value) {
    public TermId {
        Objects.requireNonNull(value, "value");
    }
}
