package org.baeum.recruitment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.baeum.base.scheduling.JobRuns;
import org.baeum.base.security.SystemIdentity;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundEvents;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundPhaseKind;
import org.baeum.recruitment.draw.Draw;
import org.baeum.recruitment.draw.DrawRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Runs each round's draw once its lottery phase has closed (decision 0027, "Running the draw"), exactly once, without
 * transactions: {@link #store} inserts the record into {@code round_draws} under the round's id (a second run, another
 * instance or a run after a crash gets a duplicate key and uses the stored record), then {@link #markDrawn} sets the
 * round's {@code drawnAt} from the stored record (one guarded update). If the portal stops between the two, the next
 * run finds the stored draw and only sets {@code drawnAt}. The draw is a pure function of its input, so even a run that
 * loses the insert race computed the same order and results. Only the portal itself (the system identity) draws.
 * The run that set {@code drawnAt} publishes {@link RoundEvents.RoundDrawn}; enrolment places the results then, and its
 * own sweep places any drawn round it has not finished (decision 0029).
 */
@Component
public class RoundDraws {

    /**
     * How long after the close the draw waits by default ({@code baeum.recruitment.draw-settle}), so that an
     * application or withdrawal whose request passed the clock check just before the close has been stored (a request
     * takes milliseconds).
     */
    public static final Duration SETTLE = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(RoundDraws.class);

    private final RoundRepository rounds;
    private final DrawRepository draws;
    private final DrawInputs inputs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration settle;

    RoundDraws(RoundRepository rounds, DrawRepository draws, DrawInputs inputs, ApplicationEventPublisher events,
               Clock clock, RecruitmentSettings settings) {
        this.settle = settings.drawSettle();
        this.rounds = rounds;
        this.events = events;
        this.draws = draws;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** When the round may be drawn: its lottery phase's close plus the configured settling time. */
    public Instant dueAt(RoundDocument round) {
        return dueAt(round, settle);
    }

    /** When the round may be drawn when the draw waits {@code settle} after the close ({@link #SETTLE} by default). */
    public static Instant dueAt(RoundDocument round, Duration settle) {
        return round.phases().stream().filter(p -> p.kind() == RoundPhaseKind.LOTTERY).map(RoundPhase::closesAt)
                .findFirst().orElseThrow().plus(settle);
    }

    /** Draws every round that is due and not drawn; a round whose draw fails is logged, counted and tried next run. */
    @PreAuthorize(SystemIdentity.ONLY)
    public JobRuns.Outcome runDue() {
        Instant now = clock.instant();
        int done = 0;
        int failed = 0;
        for (RoundDocument round : rounds.undrawn()) {
            if (now.isBefore(dueAt(round))) {
                continue;
            }
            try {
                if (markDrawn(store(round.id()))) {
                    events.publishEvent(new RoundEvents.RoundDrawn(new RoundId(round.id())));
                }
                done++;
            } catch (RuntimeException e) {
                failed++;
                log.error("The draw of round {} failed; it is tried again on the next run", round.id(), e);
            }
        }
        return new JobRuns.Outcome(done, failed);
    }

    /**
     * The round's draw as stored: the stored one, or this run's, inserted once.
     *
     * @throws IllegalStateException when the round is unknown, has no seed or is not due yet
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public DrawRecord store(String roundId) {
        Optional<DrawRecord> stored = draws.find(roundId);
        if (stored.isPresent()) {
            return stored.get();
        }
        RoundDocument round = rounds.find(roundId).orElseThrow(() -> new IllegalStateException("No round " + roundId));
        Instant now = clock.instant();
        if (now.isBefore(dueAt(round))) {
            throw new IllegalStateException("Round " + roundId + " is drawn from " + dueAt(round) + ", not before");
        }
        byte[] seed = HexFormat.of().parseHex(rounds.seedOf(roundId)
                .orElseThrow(() -> new IllegalStateException("Round " + roundId + " has no seed")));
        DrawRecord record = Draw.record(inputs.input(round, seed), DrawInputs.instant(round),
                now.truncatedTo(ChronoUnit.MILLIS).toString());
        if (draws.insert(record)) {
            long won = record.results().stream().filter(DrawRecord.Result::won).count();
            log.info("Round {} drawn: {} applications, {} won a seat; the seed is published", roundId,
                    record.applications().size(), won);
            return record;
        }
        log.info("Round {} was drawn by another run; using the stored draw", roundId);
        return draws.find(roundId).orElseThrow();
    }

    /**
     * Sets the round's {@code drawnAt} to the stored record's.
     *
     * @return false when it was set already
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public boolean markDrawn(DrawRecord stored) {
        return rounds.markDrawn(stored.round(), Instant.parse(stored.drawnAt()));
    }
}
