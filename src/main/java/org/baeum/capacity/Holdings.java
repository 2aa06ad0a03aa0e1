package org.baeum.capacity;

import java.util.List;

/**
 * A resource with its counters and every holder, for recovery sweeps and staff. {@code available} says whether the
 * kind's guard field holds ({@link Storage.Guard#field()}, e.g. the offering is published); always true without one.
 */
public record Holdings(ResourceKey key, Counters counters, List<Holder> holders, boolean available) {

    public Holdings {
        holders = List.copyOf(holders);
    }
}
