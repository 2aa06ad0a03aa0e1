package org.baeum.attendance.completion.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.baeum.attendance.completion.CompletionRule;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** STAFF's completion rules per program ({@code completion_rules}, one document per program id). */
@Repository
public class CompletionRuleRepository {

    private final MongoCollection<Document> rules;

    CompletionRuleRepository(MongoDatabase database) {
        this.rules = database.getCollection("completion_rules");
    }

    public Optional<CompletionRule> find(String programId) {
        return Optional.ofNullable(rules.find(eq("_id", programId)).first()).map(d -> new CompletionRule(
                d.getInteger("numerator"), d.getInteger("denominator"), d.getBoolean("portfolioRequired", false)));
    }

    public void save(String programId, CompletionRule rule, String byAccountId, Instant at) {
        rules.replaceOne(eq("_id", programId), new Document("_id", programId).append("numerator", rule.numerator())
                        .append("denominator", rule.denominator()).append("portfolioRequired", rule.portfolioRequired())
                        .append("changedBy", byAccountId).append("changedAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }
}
