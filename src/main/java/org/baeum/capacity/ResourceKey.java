package org.baeum.capacity;

import java.util.Objects;

/**
 * One resource in the ledger: its kind and its id within the kind, e.g.
 * {@code ResourceKey.of(RoomSlots.KIND, "room-12|2026-12-07T10:00")}. For a hosted kind the id is the host
 * document's {@code _id} (an offering id).
 */
public record ResourceKey(ResourceKind kind, String id) {

    public ResourceKey {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("a resource id is 1 to 200 characters");
        }
    }

    public static ResourceKey of(ResourceKind kind, String id) {
        return new ResourceKey(kind, id);
    }

    @Override
    public String toString() {
        return kind.name() + ":" + id;
    }
}
