package org.baeum.attendance.degree.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.baeum.attendance.degree.DegreeLevel;
import org.baeum.attendance.degree.DegreeRuleSet;
import org.baeum.attendance.degree.LevelRule;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The versions of the degree rule ({@code degree_rules}): one document per version, its {@code _id} the version
 * number, so two saves that race for the same number cannot both win (the loser's insert fails on the key). Versions
 * are only ever inserted.
 */
@Repository
public class DegreeRuleRepository {

    private final MongoCollection<Document> rules;

    DegreeRuleRepository(MongoDatabase database) {
        this.rules = database.getCollection("degree_rules");
    }

    /** Every version, newest first. */
    public List<DegreeRuleSet> all() {
        List<DegreeRuleSet> out = new ArrayList<>();
        rules.find().sort(Sorts.descending("_id")).forEach(d -> out.add(toRuleSet(d)));
        return out;
    }

    public Optional<DegreeRuleSet> latest() {
        return Optional.ofNullable(rules.find().sort(Sorts.descending("_id")).first()).map(DegreeRuleRepository::toRuleSet);
    }

    public Optional<DegreeRuleSet> version(int version) {
        return Optional.ofNullable(rules.find(eq("_id", version)).first()).map(DegreeRuleRepository::toRuleSet);
    }

    /** Inserts a version; {@code false} when that version number exists already (someone else saved first). */
    public boolean insert(DegreeRuleSet r) {
        List<Document> levels = r.levels().stream().map(l -> new Document("level", l.level().name())
                .append("hours", l.hours()).append("outputRequired", l.outputRequired())).toList();
        Document d = new Document("_id", r.version()).append("effectiveFrom", r.effectiveFrom().toString())
                .append("levels", levels).append("minAttendancePercent", r.minAttendancePercent())
                .append("changedBy", r.changedBy()).append("changedAt", Date.from(r.changedAt()));
        try {
            rules.insertOne(d);
            return true;
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private static DegreeRuleSet toRuleSet(Document d) {
        List<LevelRule> levels = d.getList("levels", Document.class).stream().map(l -> new LevelRule(
                DegreeLevel.valueOf(l.getString("level")), l.getInteger("hours"), l.getBoolean("outputRequired")))
                .toList();
        Date at = d.getDate("changedAt");
        return new DegreeRuleSet(d.getInteger("_id"), LocalDate.parse(d.getString("effectiveFrom")), levels,
                d.getInteger("minAttendancePercent", 0), d.getString("changedBy"),
                at == null ? Instant.EPOCH : at.toInstant());
    }
}
