package org.baeum.account;

import java.util.Objects;

/** An account's id. */
public record AccountId(String value) {
    public AccountId {
        Objects.requireNonNull(value, "value");
    }
}
