package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.baeum.enrollment.OfferingRules;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** STAFF's enrolment settings per offering ({@code enrollment_offering_rules}): offer hold and payment deadline. */
@Repository
public class OfferingRulesRepository {

    private final MongoCollection<Document> rules;

    OfferingRulesRepository(MongoDatabase database) {
        this.rules = database.getCollection("enrollment_offering_rules");
    }

    public Optional<OfferingRules> find(String offeringId) {
        return Optional.ofNullable(rules.find(eq("_id", offeringId)).first()).map(d -> new OfferingRules(
                d.get("offerHoldMinutes") == null ? null : Duration.ofMinutes(((Number) d.get("offerHoldMinutes")).longValue()),
                d.getDate("paymentDeadline") == null ? null : d.getDate("paymentDeadline").toInstant(),
                d.getString("refundBasis") == null ? null : org.baeum.enrollment.RefundBasis.valueOf(d.getString("refundBasis"))));
    }

    public void save(String offeringId, OfferingRules r) {
        rules.replaceOne(eq("_id", offeringId), new Document("_id", offeringId)
                .append("offerHoldMinutes", r.offerHold() == null ? null : r.offerHold().toMinutes())
                .append("paymentDeadline", r.paymentDeadline() == null ? null : Date.from(r.paymentDeadline()))
                .append("refundBasis", r.refundBasis().name()),
                new ReplaceOptions().upsert(true));
    }
}
