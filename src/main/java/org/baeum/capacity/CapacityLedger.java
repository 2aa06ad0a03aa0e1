package org.baeum.capacity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.baeum.base.security.SystemIdentity;
import org.baeum.capacity.internal.LedgerRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The ledger of numbered resources (decision 0023, after 0015): an offering's seats, a room's time slot, a digital
 * seat's day, a pool lane's session. Every change is one guarded, atomic update of the resource's document, so units
 * are never counted twice or given beyond the capacity, and every taken unit names its holder (an enrolment or booking
 * id), so giving one back happens exactly once and a recovery sweep can tell whose it is. The feature that owns a kind
 * decides who gets a unit; the ledger only keeps the count honest.
 * <p>
 * Writes are the portal's own ({@link SystemIdentity#ONLY}): a feature checks its caller and its rules, then moves
 * units as the system. Counters are for anyone signed in; holders (entry ids) for staff and the system.
 */
@Service
public class CapacityLedger {

    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";

    private final LedgerRepository ledger;
    private final Clock clock;

    CapacityLedger(LedgerRepository ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Opens a resource of an {@linkplain ResourceKind#own own} kind with {@code capacity} free units on first use and
     * answers its counters; once it exists this changes nothing (use {@link #changeCapacity}). A hosted kind's
     * resources are created by their owner, and are refused here.
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public Counters define(ResourceKey key, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity below zero: " + capacity);
        }
        return ledger.define(key, capacity);
    }

    /**
     * Takes a free unit first come, first served: only while the kind's guard and window allow it and no one has had to
     * wait yet. Empty when none could be taken (full, the waitlist decides, closed, unknown, or {@code holder} has one).
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Counters> claim(ResourceKey key, String holder) {
        return ledger.claim(key, holder, clock.instant());
    }

    /** First come for several at once: a free unit for each of {@code holders}, all or none (see {@link #claim}). */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Counters> claimAll(ResourceKey key, List<String> holders) {
        return ledger.claimAll(key, holders, clock.instant());
    }

    /**
     * Issues the next {@code count} waitlist tickets at once: while open, and either no unit is free or the waitlist
     * already decides. The tickets are {@code waitlistSeq - count + 1 .. waitlistSeq} of the result and the positions
     * at joining {@code waitlistLength - count + 1 .. waitlistLength}. Empty when a unit is free for first come or the
     * resource is closed. Only for kinds that keep a waitlist.
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Counters> join(ResourceKey key, int count) {
        if (!key.kind().waitlist()) {
            throw new IllegalArgumentException("'" + key.kind().name() + "' keeps no waitlist");
        }
        if (count < 1) {
            throw new IllegalArgumentException("at least one ticket: " + count);
        }
        return ledger.join(key, count, clock.instant());
    }

    /**
     * Issues the next {@code count} waitlist tickets while the resource is available, outside its window too: for the
     * applicants a draw did not seat, who wait in draw order (decision 0029). The waitlist decides from then on.
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Counters> queue(ResourceKey key, int count) {
        if (!key.kind().waitlist()) {
            throw new IllegalArgumentException("'" + key.kind().name() + "' keeps no waitlist");
        }
        if (count < 1) {
            throw new IllegalArgumentException("at least one ticket: " + count);
        }
        return ledger.queue(key, count);
    }

    /** Holds a free unit for {@code holder} (an offer to someone waiting) while available; empty when none is free. */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Counters> hold(ResourceKey key, String holder) {
        return ledger.hold(key, holder, clock.instant());
    }

    /** Gives back the unit {@code holder} holds; empty (and nothing changes) when it holds none. */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<Counters> release(ResourceKey key, String holder) {
        return ledger.release(key, holder);
    }

    /** Records that a sweep found {@code holder}'s record holding the unit; false when it holds none here. */
    @PreAuthorize(SystemIdentity.ONLY)
    public boolean confirm(ResourceKey key, String holder) {
        return ledger.confirm(key, holder);
    }

    /** {@code by} people stopped waiting (display counter, never below zero). */
    @PreAuthorize(SystemIdentity.ONLY)
    public void waitlistShrank(ResourceKey key, int by) {
        ledger.waitlistShrank(key, by);
    }

    /**
     * Changes the capacity by {@code delta} in one guarded update: only if it is still {@code expected} and the new
     * capacity is not below the units taken. False (and nothing changes) otherwise.
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public boolean changeCapacity(ResourceKey key, int expected, int delta) {
        return ledger.changeCapacity(key, expected, delta);
    }

    /** The counters as they are now, without the holders. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Counters> counters(ResourceKey key) {
        return ledger.counters(key);
    }

    /** The counters with every holder. */
    @PreAuthorize(STAFF)
    public Optional<Holdings> holders(ResourceKey key) {
        return ledger.holdings(key);
    }

    /** Resources of {@code kind} a recovery sweep should look at: unchecked holders, or free units while the waitlist decides. */
    @PreAuthorize(STAFF)
    public List<ResourceKey> needingAttention(ResourceKind kind, int limit) {
        return ledger.needingAttention(kind, limit);
    }
}
