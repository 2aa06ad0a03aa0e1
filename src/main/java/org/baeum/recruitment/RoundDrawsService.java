package org.baeum.recruitment;

import java.time.Clock;
import org.baeum.recruitment.ApplicationRefusedException.Reason;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.DrawInputs;
import org.baeum.recruitment.internal.DrawRepository;
import org.baeum.recruitment.internal.RoundDocument;
import org.baeum.recruitment.internal.RoundRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A round's public draw record (decision 0027), for anyone: nothing before the lottery phase closes; after the close
 * the applications as they will be drawn (numbers, weights, choices, seats; no names) with {@code seed} null and no
 * order or results, so anyone can archive the list before the seed is revealed; after the draw the stored record.
 */
@Service
public class RoundDrawsService {

    private final RoundRepository rounds;
    private final DrawRepository draws;
    private final DrawInputs inputs;
    private final Clock clock;

    RoundDrawsService(RoundRepository rounds, DrawRepository draws, DrawInputs inputs, Clock clock) {
        this.rounds = rounds;
        this.draws = draws;
        this.inputs = inputs;
        this.clock = clock;
    }

    /**
     * The round's draw record.
     *
     * @throws ApplicationRefusedException {@code NO_SUCH_ROUND}; {@code NOT_CLOSED} while the lottery phase has not
     *         closed by the server's clock
     */
    @PreAuthorize("permitAll()")
    public DrawRecord record(RoundId id) {
        RoundDocument round = rounds.find(id.value()).orElseThrow(() -> new ApplicationRefusedException(Reason.NO_SUCH_ROUND));
        Round shown = RoundService.toRound(round, clock.instant());
        if (shown.status() == RoundStatus.UPCOMING || shown.status() == RoundStatus.OPEN) {
            throw new ApplicationRefusedException(Reason.NOT_CLOSED);
        }
        return draws.find(round.id()).orElseGet(() -> inputs.unsealed(round));
    }
}
