package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * {@code enrollment_round_placements}: one document per drawn round whose results enrolment has placed (winners
 * offered a seat, losers waiting), written last (decision 0029). A round without one is placed (again) by the sweep;
 * every step of a placement is keyed, so a repeat adds nothing.
 */
@Repository
public class PlacementRepository {

    private final MongoCollection<Document> placements;

    PlacementRepository(MongoDatabase database) {
        this.placements = database.getCollection("enrollment_round_placements");
    }

    public boolean done(String roundId) {
        return placements.find(eq("_id", roundId)).limit(1).first() != null;
    }

    public void markDone(String roundId, Instant at, int offered, int waiting) {
        placements.replaceOne(eq("_id", roundId), new Document("_id", roundId).append("placedAt", Date.from(at))
                .append("offered", offered).append("waiting", waiting), new ReplaceOptions().upsert(true));
    }
}
