package org.baeum.recruitment.internal;

import java.time.Instant;
import java.util.List;
import org.baeum.recruitment.ReservedShare;
import org.baeum.recruitment.RoundPhase;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One document of {@code rounds}; every field name is one of {@link RoundRepository}'s constants. {@code seed} is
 * the lottery's secret (64 hex digits of 32 random bytes, decision 0028): it stays here, read only by the draw, until
 * the round is drawn ({@code drawnAt}, set by the draw). {@code lastNumber} is the counter of application numbers.
 * Components are boxed so that a projection without some fields still reads, and so does a document written before
 * {@code previousRound} (the group's previous round, nullable) and {@code continuations} (re-registration links,
 * {@link #links()} reads a missing list as empty) existed.
 */
public record RoundDocument(
        @BsonId String id,
        String titleKo,
        String titleEn,
        List<String> offeringIds,
        List<RoundPhase> phases,
        Instant confirmationDeadline,
        Boolean secondEntryForPreviousLosers,
        ReservedShare reserved,
        String seed,
        String commitment,
        Instant committedAt,
        Long lastNumber,
        Instant createdAt,
        String createdBy,
        Instant drawnAt,
        String previousRound,
        List<Link> continuations) {

    /** One re-registration link: {@code offering} of the round continues {@code previous} of the term before. */
    public record Link(String offering, String previous) {
    }

    /** The continuations, empty for a document without them. */
    public List<Link> links() {
        return continuations == null ? List.of() : continuations;
    }
}
