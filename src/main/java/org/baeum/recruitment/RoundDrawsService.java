package org.baeum.recruitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.AccountId;
import org.baeum.account.ParticipantId;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.ApplicationRefusedException.Reason;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.ApplicationDocument;
import org.baeum.recruitment.internal.ApplicationRepository;
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
    private final ApplicationRepository applications;
    private final DrawInputs inputs;
    private final Clock clock;

    RoundDrawsService(RoundRepository rounds, DrawRepository draws, ApplicationRepository applications,
                      DrawInputs inputs, Clock clock) {
        this.rounds = rounds;
        this.applications = applications;
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

    /** The ids of the rounds whose draw is stored, for enrolment's placement sweep. */
    @PreAuthorize(SystemIdentity.ONLY)
    public List<RoundId> drawnRounds() {
        return rounds.drawnIds().stream().map(RoundId::new).toList();
    }

    /**
     * The stored draw of a drawn round joined with who each application covers, in draw order (decision 0029). Empty
     * while the round is not drawn.
     */
    @PreAuthorize(SystemIdentity.ONLY)
    public Optional<DrawnRound> drawn(RoundId id) {
        Optional<RoundDocument> round = rounds.find(id.value()).filter(r -> r.drawnAt() != null);
        Optional<DrawRecord> record = round.flatMap(r -> draws.find(r.id()));
        if (round.isEmpty() || record.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ApplicationDocument> byNumber = new HashMap<>();
        applications.findSubmitted(id.value()).forEach(a -> byNumber.put(a.number(), a));
        Map<String, String> won = new HashMap<>();
        record.get().results().stream().filter(DrawRecord.Result::won).forEach(r -> won.put(r.number(), r.offering()));
        List<DrawnRound.Drawn> inOrder = new ArrayList<>(record.get().order().size());
        int position = 0;
        for (String number : record.get().order()) {
            position++;
            ApplicationDocument a = byNumber.get(number);
            if (a == null) { // cannot happen: the draw read the same submitted applications, which stay submitted
                throw new IllegalStateException("Application " + number + " of round " + id.value() + " is not stored");
            }
            String offering = won.get(number);
            inOrder.add(new DrawnRound.Drawn(number, position, new AccountId(a.householdId()),
                    a.participantIds().stream().map(ParticipantId::new).toList(),
                    a.choices().stream().map(OfferingId::new).toList(), offering == null ? null : new OfferingId(offering)));
        }
        boolean over = RoundService.toRound(round.get(), clock.instant()).status() == RoundStatus.CLOSED;
        return Optional.of(new DrawnRound(id, round.get().drawnAt(), round.get().confirmationDeadline(), over, inOrder));
    }
}
