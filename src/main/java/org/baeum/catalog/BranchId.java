package org.baeum.catalog;

import java.util.Objects;

/** A branch's id, e.g. {@code main} (본관) or {@code ahyeon} (아현분관). */
public record BranchId(String value) {
    public BranchId {
        Objects.requireNonNull(value, "value");
    }
}
