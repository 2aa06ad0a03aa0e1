package org.baeum.recruitment;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.ApplicationRefusedException.Reason;
import org.baeum.recruitment.draw.Draw;
import org.baeum.recruitment.draw.DrawInput;
import org.baeum.recruitment.draw.DrawOutcome;
import org.baeum.recruitment.draw.DrawRecord;
import org.baeum.recruitment.internal.DrawInputs;
import org.baeum.recruitment.internal.RoundDocument;
import org.baeum.recruitment.internal.RoundRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Dry-run draws for STAFF (issue 15, part 5): the rule of decision 0027 run on a copy of a round's current
 * applications with a fresh 32-byte seed from {@link SecureRandom} that is used once and forgotten. It reads the round
 * without its seed (the real seed is never read, used or shown), writes nothing, and changes nothing of the round: two
 * previews usually differ from each other and from the real draw.
 */
@Service
public class RoundPreviews {

    private static final Logger log = LoggerFactory.getLogger(RoundPreviews.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RoundRepository rounds;
    private final DrawInputs inputs;
    private final CurrentUser currentUser;

    RoundPreviews(RoundRepository rounds, DrawInputs inputs, CurrentUser currentUser) {
        this.rounds = rounds;
        this.inputs = inputs;
        this.currentUser = currentUser;
    }

    /**
     * Draws the round's submitted applications now with a throw-away seed.
     *
     * @throws ApplicationRefusedException {@code NO_SUCH_ROUND}
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public DrawPreview preview(RoundId id) {
        RoundDocument round = rounds.find(id.value()).orElseThrow(() -> new ApplicationRefusedException(Reason.NO_SUCH_ROUND));
        byte[] seed = new byte[DrawInput.SEED_BYTES];
        RANDOM.nextBytes(seed);
        DrawInput input;
        try {
            input = inputs.input(round, seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
        DrawPreview preview = summarise(id, input, Draw.run(input));
        log.info("Account {} ran a dry-run draw of round {} with a throw-away seed: {} applications, {} would win; "
                + "nothing stored", currentUser.require().accountId(), id.value(), preview.applications(), preview.won());
        return preview;
    }

    /** Per offering and overall, from the draw's input and outcome; applications listed in draw order. */
    static DrawPreview summarise(RoundId id, DrawInput input, DrawOutcome outcome) {
        Map<String, DrawRecord.Application> byNumber = new HashMap<>();
        input.applications().forEach(a -> byNumber.put(a.number(), a));
        Map<String, DrawRecord.Result> results = new HashMap<>();
        outcome.results().forEach(r -> results.put(r.number(), r));
        Map<String, int[]> given = new HashMap<>();
        Map<String, List<String>> winners = new HashMap<>();
        Map<String, List<String>> losers = new HashMap<>();
        input.offerings().forEach(o -> {
            given.put(o.id(), new int[1]);
            winners.put(o.id(), new ArrayList<>());
            losers.put(o.id(), new ArrayList<>());
        });
        int won = 0;
        for (String number : outcome.order()) {
            DrawRecord.Application a = byNumber.get(number);
            DrawRecord.Result r = results.get(number);
            if (r.won()) {
                won++;
                given.get(r.offering())[0] += a.seats();
                winners.get(r.offering()).add(number);
            } else {
                a.choices().forEach(o -> losers.get(o).add(number));
            }
        }
        List<DrawPreview.PerOffering> offerings = input.offerings().stream()
                .map(o -> new DrawPreview.PerOffering(new OfferingId(o.id()), o.seats(), given.get(o.id())[0],
                        winners.get(o.id()), losers.get(o.id()))).toList();
        int all = input.applications().size();
        return new DrawPreview(id, all, won, all - won, offerings);
    }
}
