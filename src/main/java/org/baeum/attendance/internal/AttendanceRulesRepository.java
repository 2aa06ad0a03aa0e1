package org.baeum.attendance.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.baeum.attendance.AttendancePoints;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** STAFF's attendance points per program ({@code attendance_rules}, one document per program id). */
@Repository
public class AttendanceRulesRepository {

    private final MongoCollection<Document> rules;

    AttendanceRulesRepository(MongoDatabase database) {
        this.rules = database.getCollection("attendance_rules");
    }

    public Optional<AttendancePoints> find(String programId) {
        return Optional.ofNullable(rules.find(eq("_id", programId)).first()).map(d -> new AttendancePoints(
                d.getInteger("present"), d.getInteger("late"), d.getInteger("excused"), d.getInteger("absent")));
    }

    public void save(String programId, AttendancePoints p, String byAccountId, Instant at) {
        rules.replaceOne(eq("_id", programId), new Document("_id", programId).append("present", p.present())
                        .append("late", p.late()).append("excused", p.excused()).append("absent", p.absent())
                        .append("changedBy", byAccountId).append("changedAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }
}
