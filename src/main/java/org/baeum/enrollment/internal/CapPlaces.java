package org.baeum.enrollment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.CapRule;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.springframework.stereotype.Component;

/**
 * The places an entry takes under ADMIN's per-term caps: taken atomically before its seat is decided (so two
 * simultaneous requests can never both pass a cap of one), given back when it ends or is refused.
 */
@Component
public class CapPlaces {

    private final CapRepository caps;

    CapPlaces(CapRepository caps) {
        this.caps = caps;
    }

    public List<CapRule> rules() {
        return caps.rules();
    }

    /**
     * Takes a place for entry {@code id} under every rule that applies to the offering.
     *
     * @return the keys of the places taken (to give back if the entry is not stored)
     * @throws EnrollmentRefusedException CAP_REACHED when one is full (nothing stays taken)
     */
    List<String> take(Offering o, String participantId, String id, Instant now) {
        List<String> taken = new ArrayList<>();
        for (CapRule rule : caps.rules()) {
            if (!rule.appliesTo(o.program().audience(), o.program().domain())) {
                continue;
            }
            String key = CapRepository.key(participantId, o.termId().value(), rule.id());
            if (!caps.take(key, rule.max(), id, now)) {
                giveBack(taken, id);
                throw new EnrollmentRefusedException(Reason.CAP_REACHED, rule.max());
            }
            taken.add(key);
        }
        return taken;
    }

    void giveBack(List<String> keys, String id) {
        keys.forEach(k -> caps.give(k, id));
    }

    /** The ended entry's places under every rule (a rule that does not apply has none to give). */
    void give(EnrollmentDocument e) {
        for (CapRule rule : caps.rules()) {
            caps.give(CapRepository.key(e.participantId(), e.termId(), rule.id()), e.id());
        }
    }

    /**
     * Gives back places taken before {@code before} by entries that are not active (a crash between taking the
     * place and storing the entry, or an ending cut off before its places were given back).
     *
     * @return how many were given back
     */
    int recover(Instant before, Predicate<String> inactive) {
        int given = 0;
        for (CapRepository.Place place : caps.placesBefore(before, 500)) {
            if (inactive.test(place.holder())) {
                caps.give(place.key(), place.holder());
                given++;
            }
        }
        return given;
    }
}
