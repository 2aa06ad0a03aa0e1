package org.baeum.booking.internal;

import java.util.List;
import java.util.Optional;
import org.baeum.base.domain.DecisionBatches;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.capacity.ResourceKey;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last two steps of placing a booking (decision 0042): its slots claimed in the ledger (holder = the booking's id),
 * then the booking inserted. Bookings of one slot that arrive while another batch of that slot is being stored wait
 * and are stored together (decision 0062, the group commit of decision 0017): one guarded update claims a unit for each
 * of them, all or none, and one insert stores them all; with nobody waiting a booking is stored alone, at once. When the
 * slot has fewer units left than the batch asks for, the first in line get exactly the units left and the rest are
 * taken; when it has no ledger document yet, or a unit came or went meanwhile, each is claimed alone, exactly as
 * without batches. So a batch never takes more than is free and never refuses while a unit is free.
 */
@Component
class SlotStore {

    /** Bookings of one slot stored together at most. */
    static final int MAX_BATCH = 64;
    private static final int CODE_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(SlotStore.class);

    private final SlotClaims claims;
    private final BookingRepository bookings;
    private final DecisionBatches<Pending> batches = new DecisionBatches<>(MAX_BATCH);

    SlotStore(SlotClaims claims, BookingRepository bookings) {
        this.claims = claims;
        this.bookings = bookings;
    }

    /** An insert failed in a way that leaves open whether the booking was stored: what it holds must stay. */
    static final class Unsure extends RuntimeException {
        private final RuntimeException failure;

        Unsure(RuntimeException failure) {
            super(failure);
            this.failure = failure;
        }

        RuntimeException failure() {
            return failure;
        }
    }

    /** One booking on its way, and what happened to it. */
    private static final class Pending extends DecisionBatches.Waiting {
        final List<ResourceKey> keys;
        final int units;
        final Document booking;
        boolean claimed;
        Document stored;
        RuntimeException error;
        RuntimeException insertFailure;
        boolean unsure;

        Pending(List<ResourceKey> keys, int units, Document booking) {
            this.keys = keys;
            this.units = units;
            this.booking = booking;
        }

        String id() {
            return booking.getString("_id");
        }
    }

    /**
     * Claims every key for the booking (its {@code _id}) and inserts it with a fresh code; the stored document. Throws
     * {@link BookingRefusal#TAKEN} when a slot has no unit left (nothing claimed), the insert's failure when the booking
     * is certainly not stored (its claims given back), {@link Unsure} when it may be (its claims kept: the sweep gives
     * them back if no booking shows up), or the ledger's failure (a claim may be left for the sweep).
     */
    Document claimAndStore(List<ResourceKey> keys, int units, Document booking) {
        Pending p = new Pending(keys, units, booking);
        if (keys.size() == 1) {
            batches.decide(keys.getFirst().id(), p, this::process);
            if (p.failure() != null) {
                throw p.failure();
            }
        } else {
            process(List.of(p));
        }
        if (p.error != null) {
            throw p.error;
        }
        if (!p.claimed) {
            throw new BookingRefusedException(BookingRefusal.TAKEN);
        }
        if (p.stored != null) {
            return p.stored;
        }
        if (p.unsure) {
            throw new Unsure(p.insertFailure);
        }
        claims.releaseAll(keys, p.id());
        throw p.insertFailure;
    }

    /** Bookings of the slot waiting for a batch to take them (for tests). */
    int waiting(ResourceKey key) {
        return batches.waiting(key.id());
    }

    /** Claims and stores a batch of one slot (or one booking of several slots), each outcome in its own entry. */
    private void process(List<Pending> batch) {
        List<Pending> alone = batch.size() > 1 ? claimTogether(batch) : batch;
        for (Pending p : alone) {
            try {
                p.claimed = claims.claimAll(p.keys, p.id(), p.units);
            } catch (RuntimeException e) {
                p.error = e;
            }
        }
        List<Pending> claimed = batch.stream().filter(p -> p.claimed && p.error == null).toList();
        if (claimed.size() > 1) {
            insertTogether(claimed);
        } else {
            claimed.forEach(this::insertAlone);
        }
    }

    /**
     * Claims for the batch of one slot in one guarded update, all or none; when fewer units are free, one read of what is
     * left and one claim of exactly that many for the first in line (the rest are taken, at once: a rush's last batch on
     * a slot waits for no round trip per refusal). What is left to claim one by one (the slot's ledger document not
     * made yet, or a claim of the free units that lost a race) is returned; a failure of the ledger is theirs.
     */
    private List<Pending> claimTogether(List<Pending> batch) {
        ResourceKey key = batch.getFirst().keys.getFirst();
        try {
            if (claims.claimTogether(key, batch.stream().map(Pending::id).toList())) {
                batch.forEach(p -> p.claimed = true);
                return List.of();
            }
            java.util.OptionalInt left = claims.left(key);
            if (left.isEmpty()) {
                return batch;
            }
            int free = Math.min(left.getAsInt(), batch.size());
            List<Pending> first = batch.subList(0, free);
            if (free > 0 && !claims.claimTogether(key, first.stream().map(Pending::id).toList())) {
                return batch; // a unit came or went meanwhile: one by one, as without batches
            }
            first.forEach(p -> p.claimed = true);
            return List.of(); // the rest: taken
        } catch (RuntimeException e) {
            batch.forEach(p -> p.error = e);
            return List.of();
        }
    }

    /** One insert for all; after a failure each is looked up, and one not stored is inserted alone. */
    private void insertTogether(List<Pending> claimed) {
        claimed.forEach(p -> p.booking.put("code", BookingCodes.next()));
        try {
            bookings.insertAll(claimed.stream().map(p -> p.booking).toList());
            claimed.forEach(p -> p.stored = p.booking);
            return;
        } catch (RuntimeException e) {
            log.debug("A batch of {} bookings was not stored in one insert ({}); each is stored alone", claimed.size(),
                    e.toString());
        }
        for (Pending p : claimed) {
            try {
                bookings.findById(p.id()).ifPresent(found -> p.stored = found);
            } catch (RuntimeException lookUp) {
                p.insertFailure = lookUp;
                p.unsure = true;
            }
        }
        claimed.stream().filter(p -> p.stored == null && !p.unsure).forEach(this::insertAlone);
    }

    /**
     * Inserts the booking, with a new code on a duplicate one. On another error the booking is looked up: found, it was
     * stored after all; not found, the error is its outcome (the claims are given back); the look-up failing too, it
     * is unsure.
     */
    private void insertAlone(Pending p) {
        for (int attempt = 1; ; attempt++) {
            p.booking.put("code", BookingCodes.next());
            try {
                bookings.insert(p.booking);
                p.stored = p.booking;
                return;
            } catch (RuntimeException e) {
                if (MongoErrors.isDuplicateKey(e) && attempt < CODE_ATTEMPTS) {
                    continue;
                }
                Optional<Document> stored;
                try {
                    stored = bookings.findById(p.id());
                } catch (RuntimeException lookUp) {
                    e.addSuppressed(lookUp);
                    p.insertFailure = e;
                    p.unsure = true;
                    return;
                }
                if (stored.isPresent()) {
                    p.stored = stored.get();
                } else {
                    p.insertFailure = e;
                }
                return;
            }
        }
    }
}
