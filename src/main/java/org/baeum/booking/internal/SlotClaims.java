package org.baeum.booking.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baeum.base.domain.ShortLivedMap;
import org.baeum.base.security.SystemIdentity;
import org.baeum.capacity.CapacityLedger;
import org.baeum.capacity.Counters;
import org.baeum.capacity.ResourceKey;
import org.springframework.stereotype.Component;

/**
 * The ledger's side of a booking, always as the portal (the booking service checked its caller first): one unit of
 * each slot a booking covers, holder = the booking id. A slot's ledger document is created on first use with the
 * resource's units.
 */
@Component
class SlotClaims {

    /** How long a slot seen full is answered full without a read (decision 0048). */
    static final Duration FULL_FOR = Duration.ofSeconds(1);
    /** Claims of one slot before a free-looking slot is answered taken (each lost a race for its last units). */
    private static final int CLAIM_ATTEMPTS = 4;

    /** How long a read that showed many units free saves the next requests' reads (a shortcut, as decision 0048's). */
    static final Duration LEFT_FOR = Duration.ofMillis(500);
    /**
     * Units a slot must still show free, after every request that passed on a remembered read took one, for the next
     * request to pass without a read: more than a rush's requests in flight on one instance for one slot can take.
     */
    static final int SURELY_LEFT = 16;

    private final CapacityLedger ledger;
    /** Slots seen full (by a read or a failed claim): a rush on a full hour then reads nothing. */
    private final ShortLivedMap<ResourceKey, Boolean> seenFull = new ShortLivedMap<>(FULL_FOR, 20_000);
    /**
     * The units last read free per slot, less one for each request that passed on that read since: at the start of a
     * rush the first requests for an hour with 60 free units read it once instead of each.
     */
    private final ShortLivedMap<ResourceKey, java.util.concurrent.atomic.AtomicInteger> seenLeft =
            new ShortLivedMap<>(LEFT_FOR, 20_000);

    SlotClaims(CapacityLedger ledger) {
        this.ledger = ledger;
    }

    /** Claims every key for {@code holder}, all or none: what was taken is given back when one is full. */
    boolean claimAll(List<ResourceKey> keys, String holder, int units) {
        return SystemIdentity.call(() -> {
            List<ResourceKey> taken = new ArrayList<>();
            for (ResourceKey key : keys) {
                if (claim(key, holder, units)) {
                    taken.add(key);
                } else {
                    taken.forEach(k -> ledger.release(k, holder));
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * One unit of the slot for each holder, all or none, in one guarded update; false (nothing claimed) when fewer are
     * free or the slot has no ledger document yet: the caller then claims for each alone ({@link #claimAll}).
     */
    boolean claimTogether(ResourceKey key, List<String> holders) {
        return SystemIdentity.call(() -> ledger.claimAll(key, holders).isPresent());
    }

    /**
     * The units of the slot free now (remembered as full when none), or empty when it has no ledger document yet; one
     * read, for a batch whose claim together failed.
     */
    java.util.OptionalInt left(ResourceKey key) {
        Optional<Counters> counters = SystemIdentity.call(() -> ledger.counters(key));
        if (counters.isEmpty()) {
            return java.util.OptionalInt.empty();
        }
        int left = Math.max(0, counters.get().left());
        if (left == 0) {
            seenFull.remember(key, true);
        }
        return java.util.OptionalInt.of(left);
    }

    /**
     * Whether a slot among the keys has no free unit now, read without writing: a request for it is refused before it
     * takes a hold or a quota (both writes, given back at once). Only a shortcut: a unit freed a moment later is
     * simply refused this time, and a full-looking answer never gives a unit away; the claim stays the only guard. A
     * slot read less than {@link #LEFT_FOR} ago with more than {@link #SURELY_LEFT} units free, counting one taken by each
     * request that passed on that read since, passes without a read.
     */
    boolean anyFull(List<ResourceKey> keys) {
        if (keys.stream().anyMatch(k -> seenFull.fresh(k).isPresent())) {
            // seen full less than a second ago: in a rush on a full hour, most requests end here without a read
            return true;
        }
        return SystemIdentity.call(() -> keys.stream().anyMatch(k -> {
            var left = seenLeft.fresh(k);
            if (left.isPresent() && left.get().decrementAndGet() >= SURELY_LEFT) {
                // read less than LEFT_FOR ago with this many units free even after every request that passed on it
                // since took one: surely not full (and were it, the claim refuses it: this is only a shortcut)
                return false;
            }
            Optional<Counters> counters = ledger.counters(k);
            boolean full = counters.map(c -> c.left() <= 0).orElse(false);
            if (full) {
                seenFull.remember(k, true);
            } else if (counters.isPresent()) {
                // this request takes one of them
                seenLeft.remember(k, new java.util.concurrent.atomic.AtomicInteger(counters.get().left() - 1));
            }
            return full;
        }));
    }

    /**
     * One unit of the slot for the holder. A failed claim is read back: a slot not defined yet is defined and claimed;
     * one with a unit left (another request defined it meanwhile, or a unit came back) is claimed again; only a read
     * that shows no unit left answers false, and only that is remembered as full. A failed claim alone never is: at
     * the start of a rush most requests find the slot undefined, and a memo of that would refuse them all for a second.
     */
    private boolean claim(ResourceKey key, String holder, int units) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (ledger.claim(key, holder).isPresent()) {
                return true;
            }
            Optional<Counters> counters = ledger.counters(key);
            if (counters.isEmpty()) {
                ledger.define(key, units);
            } else if (counters.get().left() <= 0) {
                seenFull.remember(key, true);
                return false;
            }
        }
        return false;
    }

    /** Gives back every unit {@code holder} holds among the keys; exactly once however often it is called. */
    void releaseAll(List<ResourceKey> keys, String holder) {
        try {
            SystemIdentity.run(() -> keys.forEach(k -> ledger.release(k, holder)));
        } finally {
            // a unit given back through this instance is offered again at once (another instance's within a second)
            keys.forEach(seenFull::forget);
        }
    }
}
