package org.baeum.recruitment.internal;

import java.util.ArrayList;
import java.util.List;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.draw.Draw;
import org.baeum.recruitment.draw.DrawInput;
import org.baeum.recruitment.draw.DrawRecord;
import org.springframework.stereotype.Component;

/**
 * What a round's draw is computed from (decisions 0027, "Running the draw", and 0028): per offering the seats left in
 * the catalog ({@link Offering#seatsLeft()}: capacity minus seats taken by re-registration claims or staff), the
 * reserved share {@code floor(seats × percent / 100)}; per submitted (not withdrawn) application its number, the
 * weight and reserved flag stored when it was made, its ranked choices and one seat per participant it covers.
 */
@Component
public class DrawInputs {

    private final CatalogService catalog;
    private final ApplicationRepository applications;

    DrawInputs(CatalogService catalog, ApplicationRepository applications) {
        this.catalog = catalog;
        this.applications = applications;
    }

    /** The draw's input: the round's offerings and applications now, with its seed. */
    public DrawInput input(RoundDocument round, byte[] seed) {
        return new DrawInput(round.id(), seed, offerings(round), applications(round.id()));
    }

    /**
     * The record published between the close and the draw: the applications as they will be drawn, the commitment,
     * no seed, no order, no results.
     */
    public DrawRecord unsealed(RoundDocument round) {
        return new DrawRecord(Draw.RULE, Draw.RULE_TEXT, round.id(), round.commitment(), instant(round), null, null,
                offerings(round), applications(round.id()), List.of(), List.of());
    }

    /** {@code committedAt} as the record writes it (ISO-8601). */
    public static String instant(RoundDocument round) {
        return round.committedAt() == null ? null : round.committedAt().toString();
    }

    /**
     * The round's offerings with their seats left. An offering the caller may not see (a draft, for the public) or that
     * was removed counts 0 seats; the draw itself runs as the system identity, which sees every offering.
     */
    List<DrawRecord.Offering> offerings(RoundDocument round) {
        int percent = round.reserved() == null ? 0 : round.reserved().percent();
        List<DrawRecord.Offering> offerings = new ArrayList<>(round.offeringIds().size());
        for (String id : round.offeringIds()) {
            int seats = catalog.offering(new OfferingId(id)).map(Offering::seatsLeft).orElse(0);
            offerings.add(new DrawRecord.Offering(id, seats, reserved(seats, percent)));
        }
        return offerings;
    }

    /** The reserved share of an offering's seats, rounded down. */
    static int reserved(int seats, int percent) {
        return Math.max(0, seats) * Math.clamp(percent, 0, 100) / 100;
    }

    /** The submitted applications in number order, one seat per participant covered. */
    List<DrawRecord.Application> applications(String roundId) {
        return applications.findSubmitted(roundId).stream()
                .map(a -> new DrawRecord.Application(a.number(), a.drawWeight(), a.choices(), seats(a), a.isReserved()))
                .toList();
    }

    private static int seats(ApplicationDocument a) {
        return a.participantIds() == null || a.participantIds().isEmpty() ? a.seats() : a.participantIds().size();
    }
}
