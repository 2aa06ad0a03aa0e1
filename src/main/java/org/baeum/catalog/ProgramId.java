package org.baeum.catalog;

import java.util.Objects;

/** Typed id. */
public record ProgramId(String value) {
    public ProgramId {
        Objects.requireNonNull(value, "value");
    }
}
