package org.baeum.catalog.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.baeum.catalog.Publication;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The seat fields of {@code offerings}, changed only by single guarded updates (decision 0015):
 * {@code capacity}, {@code seatsTaken}, {@code seatsLeft} (= capacity − taken), {@code holders} (who holds each taken
 * seat: {@code {id, at, ok}}; its size is {@code seatsTaken}), {@code waitlistSeq} (tickets issued),
 * {@code waitlistLength} (people waiting, for display) and {@code seatMode}: OPEN while first come takes free seats,
 * WAITLIST from the first time someone had to wait, after which every freed seat goes through the waitlist.
 */
@Repository
public class SeatLedgerRepository {

    public static final String HOLDERS = "holders";
    public static final String WAITLIST_SEQ = "waitlistSeq";
    public static final String MODE = "seatMode";
    public static final String OPEN = "OPEN";
    public static final String WAITLIST = "WAITLIST";

    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER)
            .projection(Projections.include("capacity", "seatsTaken", "seatsLeft", "waitlistLength", WAITLIST_SEQ, MODE));

    private final MongoCollection<Document> offerings;

    SeatLedgerRepository(MongoDatabase database) {
        this.offerings = database.getCollection(OfferingRepository.COLLECTION);
    }

    /** First come: takes a free seat for {@code holder} while recruiting, in OPEN mode. Null when not possible. */
    public Document claim(String offeringId, String holder, Instant now) {
        return offerings.findOneAndUpdate(and(eq("_id", offeringId), recruiting(now), ne(MODE, WAITLIST),
                        gt("seatsLeft", 0), ne(HOLDERS + ".id", holder)),
                takeSeat(holder, now), AFTER);
    }

    /**
     * First come for several at once: takes one free seat for each of {@code holders} while recruiting, in OPEN mode,
     * if at least that many are free and none of them holds one yet. All or nothing; null when not possible.
     */
    public Document claimAll(String offeringId, List<String> holders, Instant now) {
        if (holders.size() == 1) {
            return claim(offeringId, holders.getFirst(), now);
        }
        List<Document> taken = holders.stream()
                .map(h -> new Document("id", h).append("at", Date.from(now)).append("ok", false)).toList();
        return offerings.findOneAndUpdate(and(eq("_id", offeringId), recruiting(now), ne(MODE, WAITLIST),
                        gte("seatsLeft", holders.size()), nin(HOLDERS + ".id", holders)),
                new Document("$inc", new Document("seatsTaken", holders.size()).append("seatsLeft", -holders.size()))
                        .append("$push", new Document(HOLDERS, new Document("$each", taken))), AFTER);
    }

    /** Joins the waitlist while recruiting, when no seat is free or the waitlist already decides. Null otherwise. */
    public Document join(String offeringId, Instant now) {
        return join(offeringId, 1, now);
    }

    /**
     * {@code count} people join the waitlist together (tickets {@code waitlistSeq - count + 1 .. waitlistSeq} of the
     * result, in order), under the same guard as {@link #join(String, Instant)}. Null when not possible.
     */
    public Document join(String offeringId, int count, Instant now) {
        return offerings.findOneAndUpdate(and(eq("_id", offeringId), recruiting(now),
                        or(lte("seatsLeft", 0), eq(MODE, WAITLIST))),
                new Document("$inc", new Document(WAITLIST_SEQ, (long) count).append("waitlistLength", count))
                        .append("$set", new Document(MODE, WAITLIST)), AFTER);
    }

    /** The seat counters alone (no holders), for deciding how many seats a batch can claim. */
    public Optional<Document> counters(String offeringId) {
        return Optional.ofNullable(offerings.find(eq("_id", offeringId))
                .projection(Projections.include("capacity", "seatsTaken", "seatsLeft", "waitlistLength", WAITLIST_SEQ,
                        MODE)).first());
    }

    /** Holds a free seat for a waiting person (an offer): published, a seat free, not yet held by them. */
    public Document hold(String offeringId, String holder, Instant now) {
        return offerings.findOneAndUpdate(and(eq("_id", offeringId), eq("publication", Publication.PUBLISHED.name()),
                        gt("seatsLeft", 0), ne(HOLDERS + ".id", holder)),
                takeSeat(holder, now), AFTER);
    }

    /** Gives back the seat {@code holder} holds; exactly once, however often it is called. */
    public Document release(String offeringId, String holder) {
        return offerings.findOneAndUpdate(and(eq("_id", offeringId), eq(HOLDERS + ".id", holder)),
                new Document("$pull", new Document(HOLDERS, new Document("id", holder)))
                        .append("$inc", new Document("seatsTaken", -1).append("seatsLeft", 1)), AFTER);
    }

    /** Marks a holder as checked by the recovery sweep (its record holds the seat). */
    public void confirm(String offeringId, String holder) {
        offerings.updateOne(and(eq("_id", offeringId), eq(HOLDERS + ".id", holder)),
                new Document("$set", new Document(HOLDERS + ".$.ok", true)));
    }

    /** One person stopped waiting (left, or an offer was not possible); display counter only. */
    public void waitlistShrank(String offeringId, int by) {
        offerings.updateOne(and(eq("_id", offeringId), gte("waitlistLength", by)),
                new Document("$inc", new Document("waitlistLength", -by)));
    }

    /** Changes the capacity by {@code delta} if it is still {@code expected} and the new one is not below the taken seats. */
    public boolean changeCapacity(String offeringId, int expected, int delta) {
        Bson guard = and(eq("_id", offeringId), eq("capacity", expected), gte("seatsLeft", -delta));
        return offerings.updateOne(guard, new Document("$inc", new Document("capacity", delta).append("seatsLeft", delta)))
                .getModifiedCount() == 1;
    }

    public Optional<Document> seats(String offeringId) {
        return Optional.ofNullable(offerings.find(eq("_id", offeringId))
                .projection(Projections.include("capacity", "seatsTaken", "seatsLeft", "waitlistLength", WAITLIST_SEQ,
                        MODE, HOLDERS, "publication")).first());
    }

    /** Offerings with holders the sweep has not confirmed yet, or with free seats while the waitlist decides. */
    public List<Document> needingAttention(int limit) {
        return offerings.find(or(eq(HOLDERS + ".ok", false),
                        and(eq(MODE, WAITLIST), gt("seatsLeft", 0), eq("publication", Publication.PUBLISHED.name()))))
                .projection(Projections.include(HOLDERS, "seatsLeft", MODE)).limit(limit).into(new ArrayList<>());
    }

    private static Bson recruiting(Instant now) {
        return and(eq("publication", Publication.PUBLISHED.name()), lte("recruitmentOpensAt", now),
                gt("recruitmentClosesAt", now));
    }

    private static Document takeSeat(String holder, Instant now) {
        Document inc = new Document("seatsTaken", 1).append("seatsLeft", -1);
        return new Document("$inc", inc).append("$push", new Document(HOLDERS,
                new Document("id", holder).append("at", Date.from(now)).append("ok", false)));
    }
}
