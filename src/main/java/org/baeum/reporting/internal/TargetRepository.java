package org.baeum.reporting.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.Target;
import org.baeum.reporting.TargetLine;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/** The yearly targets ({@code report_targets}): one per year, line, key and measure (unique index), set by upsert. */
@Repository
public class TargetRepository {

    private final MongoCollection<Document> targets;

    TargetRepository(MongoDatabase database) {
        this.targets = database.getCollection("report_targets");
        targets.createIndex(Indexes.ascending("year", "line", "key", "measure"),
                new IndexOptions().name("one_target_per_line_and_measure").unique(true));
    }

    private static Bson id(int year, TargetLine line, String key, ColumnKind measure) {
        return and(eq("year", year), eq("line", line.name()), eq("key", key), eq("measure", measure.name()));
    }

    /** Sets the target, replacing the one of the same year, line, key and measure (a single-document upsert). */
    public void upsert(Target t) {
        try {
            replace(t);
        } catch (RuntimeException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            replace(t); // a concurrent upsert inserted it first: now it is there to replace
        }
    }

    private void replace(Target t) {
        targets.replaceOne(id(t.year(), t.line(), t.key(), t.measure()), new Document("year", t.year())
                .append("line", t.line().name()).append("key", t.key()).append("measure", t.measure().name())
                .append("value", t.value()), new ReplaceOptions().upsert(true));
    }

    public boolean delete(int year, TargetLine line, String key, ColumnKind measure) {
        return targets.deleteOne(id(year, line, key, measure)).getDeletedCount() > 0;
    }

    public List<Target> ofYear(int year) {
        List<Target> out = new ArrayList<>();
        targets.find(eq("year", year)).forEach(d -> out.add(new Target(d.getInteger("year"),
                TargetLine.valueOf(d.getString("line")), d.getString("key"), ColumnKind.valueOf(d.getString("measure")),
                ((Number) d.get("value")).longValue())));
        out.sort(Comparator.comparing(Target::line).thenComparing(t -> t.line().keys().indexOf(t.key()))
                .thenComparing(Target::measure));
        return out;
    }
}
