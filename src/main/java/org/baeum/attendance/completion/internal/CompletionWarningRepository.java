package org.baeum.attendance.completion.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The warnings mailed while a class runs ({@code completion_warnings}, one document per enrolment and warning, id
 * {@code <enrolmentId>:<warning>}): written after the mail was added to the outbox, so a crash in between only makes
 * the next check add the same outbox key again, which adds nothing. Insert-only; the id makes a second one fail.
 */
@Repository
public class CompletionWarningRepository {

    private final MongoCollection<Document> warnings;

    CompletionWarningRepository(MongoDatabase database) {
        this.warnings = database.getCollection("completion_warnings");
    }

    public boolean mailed(String enrollmentId, String warning) {
        return warnings.find(eq("_id", enrollmentId + ":" + warning)).first() != null;
    }

    /** Records the warning as mailed; a second record of the same one changes nothing. */
    public void recordMailed(String enrollmentId, String offeringId, String warning, Instant at) {
        try {
            warnings.insertOne(new Document("_id", enrollmentId + ":" + warning).append("enrollmentId", enrollmentId)
                    .append("offeringId", offeringId).append("warning", warning).append("mailedAt", Date.from(at)));
        } catch (MongoException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
    }
}
