package org.baeum.capacity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of numbered resource the ledger keeps: an offering's seats, a room's time slot, a digital seat's day, a pool
 * lane's session. Declared once, as a constant, by the feature that owns the resource; the ledger refuses a second,
 * different description under the same name.
 *
 * @param name     short and stable ({@code [a-z0-9-]+}), part of the stored ids in the ledger's own collection
 * @param storage  where the counters are kept
 * @param waitlist whether the kind issues waitlist tickets ({@link CapacityLedger#join}); without one a full
 *                 resource simply refuses
 */
public record ResourceKind(String name, Storage storage, boolean waitlist) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public ResourceKind {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a resource kind's name is [a-z0-9-]+, at most 40 characters: " + name);
        }
        Objects.requireNonNull(storage, "storage");
    }

    /** A kind kept in the ledger's own collection: its resources are created by {@link CapacityLedger#define}. */
    public static ResourceKind own(String name, boolean waitlist) {
        return new ResourceKind(name, Storage.ledger(), waitlist);
    }

    /** A kind whose counters live on documents its owner creates (see {@link Storage#hosted}). */
    public static ResourceKind hosted(String name, Storage storage, boolean waitlist) {
        if (storage.own()) {
            throw new IllegalArgumentException("use ResourceKind.own for the ledger's own collection");
        }
        return new ResourceKind(name, storage, waitlist);
    }

    /** The resource {@code id} of this kind. */
    public ResourceKey key(String id) {
        return ResourceKey.of(this, id);
    }
}
