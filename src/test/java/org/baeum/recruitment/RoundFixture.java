package org.baeum.recruitment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.OfferingId;

/**
 * Rounds for tests, created by a STAFF account through {@link RoundService}: a lottery phase that opens
 * {@code opensIn} from the clock's now (negative: already open) and lasts a day, then first come for a day, the
 * confirmation deadline a day and a half after the lottery closes. Ids {@code <prefix>-<n>} never repeat in a run.
 */
public final class RoundFixture {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final RoundService rounds;
    private final Clock clock;
    private final BaeumUser staff;

    public RoundFixture(RoundService rounds, Clock clock, BaeumUser staff) {
        this.rounds = rounds;
        this.clock = clock;
        this.staff = staff;
    }

    /** A round whose lottery is open now (opened an hour ago, closes in a day). */
    public Round open(String prefix, List<OfferingId> offerings) {
        return round(prefix, offerings, Duration.ofHours(-1));
    }

    /** A round whose lottery opens in an hour. */
    public Round upcoming(String prefix, List<OfferingId> offerings) {
        return round(prefix, offerings, Duration.ofHours(1));
    }

    public Round round(String prefix, List<OfferingId> offerings, Duration opensIn) {
        Instant opens = clock.instant().plus(opensIn).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant closes = opens.plus(Duration.ofDays(1));
        List<RoundPhase> phases = List.of(new RoundPhase(RoundPhaseKind.LOTTERY, opens, closes),
                new RoundPhase(RoundPhaseKind.FIRST_COME, closes.plus(Duration.ofDays(2)), closes.plus(Duration.ofDays(3))));
        RoundDraft draft = new RoundDraft(prefix + "-" + NEXT.incrementAndGet(), "시험 회차", "Test round", offerings, phases,
                closes.plus(Duration.ofHours(36)), false, ReservedShare.NONE);
        TestAccounts.signIn(staff);
        try {
            return rounds.create(draft);
        } finally {
            TestAccounts.signOut();
        }
    }
}
