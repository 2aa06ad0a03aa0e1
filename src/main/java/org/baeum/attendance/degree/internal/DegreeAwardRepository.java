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
import org.baeum.attendance.degree.DegreeAward;
import org.baeum.attendance.degree.DegreeLevel;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Awarded degrees ({@code degree_awards}): one document per award, with a unique index on participant and level, so a
 * level is awarded once per participant however many staff press the button at once. Insert-only.
 */
@Repository
public class DegreeAwardRepository {

    private final MongoCollection<Document> awards;

    DegreeAwardRepository(MongoDatabase database) {
        this.awards = database.getCollection("degree_awards");
        awards.createIndex(Indexes.ascending("participantId", "level"),
                new IndexOptions().name("one_award_per_level").unique(true));
    }

    /** Stores an award; {@code false} when the participant holds that level already. */
    public boolean insert(DegreeAward a, String household, String by, Instant at) {
        try {
            awards.insertOne(new Document("participantId", a.participant().value()).append("household", household)
                    .append("level", a.level().name()).append("awardedOn", a.awardedOn().toString())
                    .append("ruleVersion", a.ruleVersion()).append("awardedBy", by).append("awardedAt", Date.from(at)));
            return true;
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public List<DegreeAward> ofParticipants(Collection<String> participantIds) {
        List<DegreeAward> out = new ArrayList<>();
        if (participantIds.isEmpty()) {
            return out;
        }
        awards.find(in("participantId", participantIds)).forEach(d -> out.add(new DegreeAward(
                new ParticipantId(d.getString("participantId")), DegreeLevel.valueOf(d.getString("level")),
                LocalDate.parse(d.getString("awardedOn")), d.getInteger("ruleVersion"))));
        out.sort(java.util.Comparator.comparing(DegreeAward::level));
        return out;
    }
}
