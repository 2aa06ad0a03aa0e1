package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * {@code enrollment_round_placements}: one document per drawn round whose results enrolment has placed (winners
 * offered a seat, losers waiting), written last (decision 0029). A round without one is placed (again) by the sweep;
 * every step of a placement is keyed, so a repeat adds nothing. While a run places a round it holds a lease on the
 * round's document ({@link #lease}), so the draw job's run and the enrolment sweep never place one round at once.
 */
@Repository
public class PlacementRepository {

    private final MongoCollection<Document> placements;

    PlacementRepository(MongoDatabase database) {
        this.placements = database.getCollection("enrollment_round_placements");
    }

    public boolean done(String roundId) {
        return placements.find(and(eq("_id", roundId), exists("placedAt"))).limit(1).first() != null;
    }

    /**
     * Takes the round's lease for {@code owner} until {@code until}: one guarded upsert, which matches only while the
     * round is not placed and nobody's lease runs; when another lease runs, the upsert's insert of the same id is
     * refused by the unique {@code _id}.
     *
     * @return false when the round is placed or another run holds a lease
     */
    public boolean lease(String roundId, String owner, Instant now, Instant until) {
        try {
            var result = placements.updateOne(and(eq("_id", roundId), exists("placedAt", false),
                            or(exists("leaseUntil", false), lt("leaseUntil", Date.from(now)))),
                    Updates.combine(Updates.set("leaseUntil", Date.from(until)), Updates.set("leaseOwner", owner)),
                    new UpdateOptions().upsert(true));
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (MongoWriteException taken) {
            if (taken.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw taken;
        }
    }

    /** Gives the lease back (the run failed), so the next sweep need not wait for it to run out. */
    public void release(String roundId, String owner) {
        placements.updateOne(and(eq("_id", roundId), eq("leaseOwner", owner), exists("placedAt", false)),
                Updates.unset("leaseUntil"));
    }

    public void markDone(String roundId, Instant at, int offered, int waiting) {
        placements.replaceOne(eq("_id", roundId), new Document("_id", roundId).append("placedAt", Date.from(at))
                .append("offered", offered).append("waiting", waiting), new ReplaceOptions().upsert(true));
    }
}
