package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.baeum.base.domain.ShortLived;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.catalog.Audience;
import org.baeum.catalog.PolicyDomain;
import org.baeum.enrollment.CapRule;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Per-term caps: the rules ADMIN sets ({@code enrollment_cap_rules}) and one counter document per participant, term
 * and rule ({@code enrollment_caps}) listing the entries that count ({@code holders: [{id, at}]}). Taking a place is
 * one guarded update ("fewer than max holders"), upserted; when the document is full the upsert collides with it
 * on {@code _id}, which is the refusal. So two simultaneous sign-ups can never both pass a cap of one.
 */
@Repository
public class CapRepository {

    private final MongoCollection<Document> rules;
    private final MongoCollection<Document> counters;

    CapRepository(MongoDatabase database) {
        this.rules = database.getCollection("enrollment_cap_rules");
        this.counters = database.getCollection("enrollment_caps");
    }

    /** The rules, read at most every 5 s on this node (ADMIN sets them before a term's recruitment opens). */
    public List<CapRule> rules() {
        return cachedRules.get();
    }

    private final ShortLived<List<CapRule>> cachedRules =
            new ShortLived<>(Duration.ofSeconds(5), this::readRules);

    private List<CapRule> readRules() {
        List<CapRule> result = new ArrayList<>();
        for (Document d : rules.find().limit(200)) {
            result.add(new CapRule(d.getString("_id"), d.getString("audience") == null ? null : Audience.valueOf(d.getString("audience")),
                    d.getString("domain") == null ? null : PolicyDomain.valueOf(d.getString("domain")), d.getInteger("max", 1)));
        }
        return List.copyOf(result);
    }

    public void save(CapRule rule) {
        rules.replaceOne(eq("_id", rule.id()), new Document("_id", rule.id())
                .append("audience", rule.audience() == null ? null : rule.audience().name())
                .append("domain", rule.domain() == null ? null : rule.domain().name())
                .append("max", rule.max()), new ReplaceOptions().upsert(true));
        cachedRules.forget();
    }

    public void delete(String ruleId) {
        rules.deleteOne(eq("_id", ruleId));
        cachedRules.forget();
    }

    public static String key(String participantId, String termId, String ruleId) {
        return participantId + "|" + termId + "|" + ruleId;
    }

    /** Takes one of {@code max} places for {@code holder}; false when all are taken. */
    public boolean take(String key, int max, String holder, Instant now) {
        try {
            MongoErrors.translate(() -> counters.updateOne(and(eq("_id", key), exists("holders." + (max - 1), false),
                            ne("holders.id", holder)),
                    new Document("$push", new Document("holders", new Document("id", holder).append("at", Date.from(now)))),
                    new UpdateOptions().upsert(true)));
            return true;
        } catch (DuplicateKeyException full) {
            return false;
        }
    }

    /** Gives the place back; exactly once however often it is called. */
    public void give(String key, String holder) {
        counters.updateOne(eq("_id", key), new Document("$pull", new Document("holders", new Document("id", holder))));
    }

    /** A place under a cap: the counter's key, the entry holding it, since when. */
    public record Place(String key, String holder, Instant at) {
    }

    /** Places taken before {@code before} (of at most {@code limit} counters), for the recovery sweep. */
    public List<Place> placesBefore(Instant before, int limit) {
        List<Place> places = new ArrayList<>();
        for (Document counter : counters.find(lt("holders.at", Date.from(before))).limit(limit)) {
            for (Document h : counter.getList("holders", Document.class, List.of())) {
                Instant at = h.getDate("at").toInstant();
                if (at.isBefore(before)) {
                    places.add(new Place(counter.getString("_id"), h.getString("id"), at));
                }
            }
        }
        return places;
    }
}
