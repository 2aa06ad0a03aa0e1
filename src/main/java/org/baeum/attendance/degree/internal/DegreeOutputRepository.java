package org.baeum.attendance.degree.internal;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.baeum.account.ParticipantId;
import org.baeum.attendance.degree.ApprovedOutput;
import org.baeum.attendance.degree.DegreeLevel;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Outputs STAFF approved towards a level ({@code degree_outputs}): one per participant and level (unique index); the
 * first approval stands, a second is refused.
 */
@Repository
public class DegreeOutputRepository {

    private final MongoCollection<Document> outputs;

    DegreeOutputRepository(MongoDatabase database) {
        this.outputs = database.getCollection("degree_outputs");
        outputs.createIndex(Indexes.ascending("participantId", "level"),
                new IndexOptions().name("one_output_per_level").unique(true));
    }

    /** Stores an approval; {@code false} when that participant's output for the level is approved already. */
    public boolean insert(ApprovedOutput o, String household, String by, Instant at) {
        try {
            outputs.insertOne(new Document("participantId", o.participant().value()).append("household", household)
                    .append("level", o.level().name()).append("description", o.description())
                    .append("approvedOn", o.approvedOn().toString()).append("approvedBy", by)
                    .append("approvedAt", Date.from(at)));
            return true;
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public List<ApprovedOutput> ofParticipants(Collection<String> participantIds) {
        List<ApprovedOutput> out = new ArrayList<>();
        if (participantIds.isEmpty()) {
            return out;
        }
        outputs.find(in("participantId", participantIds)).forEach(d -> out.add(new ApprovedOutput(
                new ParticipantId(d.getString("participantId")), DegreeLevel.valueOf(d.getString("level")),
                d.getString("description"), LocalDate.parse(d.getString("approvedOn")))));
        out.sort(java.util.Comparator.comparing(ApprovedOutput::level));
        return out;
    }
}
